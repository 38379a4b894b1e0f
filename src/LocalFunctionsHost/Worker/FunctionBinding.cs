using System.Text.Json;
using LocalFunctionsHost.App;
using LocalFunctionsHost.Rpc;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// One binding of a loaded function: its name, type and direction, and the JSON object the worker SDK
/// generated for it, from which triggers read their settings (route, methods, authLevel, path, source,
/// connection, schedule, queueName...).
/// </summary>
internal sealed class FunctionBinding
{
    private const string TriggerSuffix = "Trigger";

    public FunctionBinding(string name, string type, BindingInfo.Types.Direction direction, JsonElement raw)
    {
        Name = name;
        Type = type;
        Direction = direction;
        Raw = raw;
    }

    /// <summary>The binding name: the parameter's name, or <c>$return</c>.</summary>
    public string Name { get; }

    /// <summary>e.g. <c>httpTrigger</c>, <c>blobTrigger</c>, <c>queueTrigger</c>, <c>timerTrigger</c>, <c>http</c>, <c>blob</c>.</summary>
    public string Type { get; }

    public BindingInfo.Types.Direction Direction { get; }

    /// <summary>The binding's raw JSON object (an empty object if the worker sent none).</summary>
    public JsonElement Raw { get; }

    /// <summary>Whether this binding is the function's trigger (by the convention that trigger types end in "Trigger").</summary>
    public bool IsTrigger => Direction == BindingInfo.Types.Direction.In && Type.EndsWith(TriggerSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <see cref="Type"/> is <paramref name="type"/>, ignoring case (the SDK writes camelCase).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>A setting of the raw binding as text (numbers and booleans as written), matched case-insensitively.</summary>
    public string? GetString(string property) => JsonFileOptions.GetString(Raw, property);

    public bool? GetBoolean(string property) => JsonFileOptions.GetBoolean(Raw, property);

    public int? GetInt32(string property) => JsonFileOptions.GetInt32(Raw, property);

    /// <summary>A setting that is a list of strings (e.g. <c>methods</c>); a single string counts as a list of one, null as empty.</summary>
    public IReadOnlyList<string> GetStrings(string property)
    {
        if (!JsonFileOptions.TryGetProperty(Raw, property, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Select(JsonFileOptions.AsText).OfType<string>()],
            JsonValueKind.String => [value.GetString()!],
            _ => [],
        };
    }

    /// <summary>A nested object of the raw binding (e.g. <c>properties</c>), if present.</summary>
    public JsonElement? GetObject(string property) =>
        JsonFileOptions.TryGetProperty(Raw, property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public override string ToString() => $"{Name}: {Type} ({Direction})";
}
