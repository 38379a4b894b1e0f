using System.Text.Json;

namespace LocalFunctionsHost.App;

/// <summary>
/// Reads <c>functions.metadata</c>, the function index the worker SDK writes next to the app's assembly.
/// The worker normally indexes itself; this file is the fallback when it asks the host to.
/// </summary>
internal static class FunctionsMetadataFile
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<FunctionMetadataDefinition> Load(string path) => Parse(File.ReadAllText(path), path);

    public static IReadOnlyList<FunctionMetadataDefinition> Parse(string json, string sourceDescription)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, JsonFileOptions.Document);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{sourceDescription} is not valid JSON: {exception.Message}", exception);
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{sourceDescription} must hold a JSON array of functions.");
        }

        var functions = new List<FunctionMetadataDefinition>();
        foreach (var function in root.EnumerateArray())
        {
            functions.Add(ReadFunction(function, functions.Count, sourceDescription));
        }

        return functions;
    }

    private static FunctionMetadataDefinition ReadFunction(JsonElement function, int index, string sourceDescription)
    {
        if (function.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{sourceDescription}: entry {index} is not an object.");
        }

        var name = Required(function, "name", $"entry {index}", sourceDescription);
        var where = $"function '{name}'";
        var scriptFile = Required(function, "scriptFile", where, sourceDescription);
        var entryPoint = Required(function, "entryPoint", where, sourceDescription);
        var language = JsonFileOptions.GetString(function, "language") ?? "dotnet-isolated";

        var bindings = new List<JsonElement>();
        if (JsonFileOptions.TryGetProperty(function, "bindings", out var bindingArray) && bindingArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var binding in bindingArray.EnumerateArray())
            {
                if (binding.ValueKind != JsonValueKind.Object
                    || string.IsNullOrEmpty(JsonFileOptions.GetString(binding, "name"))
                    || string.IsNullOrEmpty(JsonFileOptions.GetString(binding, "type")))
                {
                    throw new InvalidDataException($"{sourceDescription}: {where} has a binding without a name and type.");
                }

                bindings.Add(binding);
            }
        }

        if (bindings.Count == 0)
        {
            throw new InvalidDataException($"{sourceDescription}: {where} declares no bindings; a function needs at least its trigger.");
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonFileOptions.TryGetProperty(function, "properties", out var propertyObject) && propertyObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in propertyObject.EnumerateObject())
            {
                properties[property.Name] = JsonFileOptions.AsText(property.Value) ?? property.Value.GetRawText();
            }
        }

        JsonElement? retry = JsonFileOptions.TryGetProperty(function, "retry", out var retryObject) && retryObject.ValueKind == JsonValueKind.Object
            ? retryObject
            : null;

        return new FunctionMetadataDefinition(name, scriptFile, entryPoint, language, bindings, properties, retry);
    }

    private static string Required(JsonElement function, string property, string where, string sourceDescription) =>
        JsonFileOptions.GetString(function, property) is { Length: > 0 } value
            ? value
            : throw new InvalidDataException($"{sourceDescription}: {where} has no '{property}'.");
}
