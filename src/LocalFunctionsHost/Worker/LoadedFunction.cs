using LocalFunctionsHost.Rpc;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// A function the worker indexed and loaded: what the rest of the host needs to trigger it.
/// </summary>
internal sealed class LoadedFunction
{
    public LoadedFunction(RpcFunctionMetadata metadata, IReadOnlyList<FunctionBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Metadata = metadata;
        Bindings = bindings;
        TriggerBinding = bindings.FirstOrDefault(binding => binding.IsTrigger);
    }

    public string Name => Metadata.Name;

    /// <summary>The id invocations must carry (<c>InvocationRequest.function_id</c>).</summary>
    public string FunctionId => Metadata.FunctionId;

    /// <summary><c>Namespace.Class.Method</c>.</summary>
    public string EntryPoint => Metadata.EntryPoint;

    public string ScriptFile => Metadata.ScriptFile;

    /// <summary>All bindings in declaration order (trigger, inputs, outputs, <c>$return</c>).</summary>
    public IReadOnlyList<FunctionBinding> Bindings { get; }

    /// <summary>The trigger binding; null only for a malformed function without one.</summary>
    public FunctionBinding? TriggerBinding { get; }

    /// <summary>The trigger's type (e.g. <c>httpTrigger</c>), or null.</summary>
    public string? TriggerType => TriggerBinding?.Type;

    /// <summary>The retry policy declared on the function (<c>[FixedDelayRetry]</c>/<c>[ExponentialBackoffRetry]</c>), if any.</summary>
    public RpcRetryOptions? RetryOptions => Metadata.RetryOptions;

    /// <summary>The metadata exactly as loaded into the worker.</summary>
    public RpcFunctionMetadata Metadata { get; }

    public FunctionBinding? FindBinding(string name) =>
        Bindings.FirstOrDefault(binding => string.Equals(binding.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Name} ({TriggerType ?? "no trigger"})";
}
