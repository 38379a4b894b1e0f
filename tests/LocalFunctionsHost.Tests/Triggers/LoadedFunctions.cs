using LocalFunctionsHost.Rpc;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Tests.Triggers;

/// <summary>Loaded functions made from raw binding JSON, as the worker's metadata response carries them.</summary>
internal static class LoadedFunctions
{
    public static LoadedFunction With(string name, params string[] rawBindings)
    {
        var metadata = new RpcFunctionMetadata { Name = name, FunctionId = name + "-id", EntryPoint = "App." + name, ScriptFile = "App.dll" };
        metadata.RawBindings.AddRange(rawBindings);
        return FunctionMetadataConversion.ToLoadedFunction(metadata);
    }
}
