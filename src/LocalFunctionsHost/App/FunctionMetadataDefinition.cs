using System.Text.Json;

namespace LocalFunctionsHost.App;

/// <summary>
/// One function as the worker SDK describes it in <c>functions.metadata</c> at build time.
/// </summary>
/// <param name="Name">The function name (<c>[Function("Name")]</c>).</param>
/// <param name="ScriptFile">The assembly, relative to the app folder.</param>
/// <param name="EntryPoint"><c>Namespace.Class.Method</c>.</param>
/// <param name="Language">Normally <c>dotnet-isolated</c>.</param>
/// <param name="Bindings">Each binding's JSON object as written (name, type, direction, route, path...).</param>
/// <param name="Properties">The function's <c>properties</c> object, values as text.</param>
/// <param name="Retry">The <c>retry</c> object, when the function declares a retry policy.</param>
internal sealed record FunctionMetadataDefinition(
    string Name,
    string ScriptFile,
    string EntryPoint,
    string Language,
    IReadOnlyList<JsonElement> Bindings,
    IReadOnlyDictionary<string, string> Properties,
    JsonElement? Retry);
