using System.Text.Json;

namespace LocalFunctionsHost.App;

/// <summary>
/// The app's <c>local.settings.json</c>, as Core Tools reads it: <c>Values</c> become the worker's
/// environment variables (the worker never reads this file itself), <c>Host</c> configures the local host.
/// </summary>
internal sealed class LocalSettings
{
    public const string FileName = "local.settings.json";

    private LocalSettings(
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> connectionStrings,
        string? cors,
        bool corsCredentials,
        int? localHttpPort)
    {
        Values = values;
        ConnectionStrings = connectionStrings;
        Cors = cors;
        CorsCredentials = corsCredentials;
        LocalHttpPort = localHttpPort;
    }

    public static LocalSettings Empty { get; } = new(
        new Dictionary<string, string>(), new Dictionary<string, string>(), cors: null, corsCredentials: false, localHttpPort: null);

    /// <summary><c>Values</c>: app settings, exported to the worker as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary><c>ConnectionStrings</c>, exported to the worker as <c>ConnectionStrings__name</c>.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; }

    /// <summary><c>Host.CORS</c>: comma-separated allowed origins (or "*"), as written; null when unset.</summary>
    public string? Cors { get; }

    /// <summary><c>Host.CORS</c> split into origins; empty when unset.</summary>
    public IReadOnlyList<string> CorsOrigins =>
        Cors is null ? [] : Cors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary><c>Host.CORSCredentials</c>.</summary>
    public bool CorsCredentials { get; }

    /// <summary><c>Host.LocalHttpPort</c>, when set.</summary>
    public int? LocalHttpPort { get; }

    public static LocalSettings Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path), path) : Empty;

    public static LocalSettings Parse(string json, string sourceDescription)
    {
        using var document = ParseDocument(json, sourceDescription);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{sourceDescription} must hold a JSON object.");
        }

        if (JsonFileOptions.GetBoolean(root, "IsEncrypted") == true)
        {
            throw new InvalidDataException(
                $"{sourceDescription} is encrypted (IsEncrypted: true), and only Core Tools on the machine that encrypted it can read it; decrypt it with 'func settings decrypt' or write the values in clear.");
        }

        var values = ReadStringMap(root, "Values", sourceDescription);
        var connectionStrings = ReadStringMap(root, "ConnectionStrings", sourceDescription);

        string? cors = null;
        var corsCredentials = false;
        int? localHttpPort = null;
        if (JsonFileOptions.TryGetProperty(root, "Host", out var host) && host.ValueKind == JsonValueKind.Object)
        {
            cors = JsonFileOptions.GetString(host, "CORS");
            corsCredentials = JsonFileOptions.GetBoolean(host, "CORSCredentials") ?? false;
            localHttpPort = JsonFileOptions.GetInt32(host, "LocalHttpPort");
        }

        return new LocalSettings(values, connectionStrings, string.IsNullOrWhiteSpace(cors) ? null : cors, corsCredentials, localHttpPort);
    }

    private static JsonDocument ParseDocument(string json, string sourceDescription)
    {
        try
        {
            return JsonDocument.Parse(json, JsonFileOptions.Document);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{sourceDescription} is not valid JSON: {exception.Message}", exception);
        }
    }

    private static Dictionary<string, string> ReadStringMap(JsonElement root, string name, string sourceDescription)
    {
        // Environment variable names are case-sensitive on Linux, so keys keep their spelling.
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!JsonFileOptions.TryGetProperty(root, name, out var section) || section.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{sourceDescription}: '{name}' must be an object of names to values.");
        }

        foreach (var property in section.EnumerateObject())
        {
            // Core Tools accepts numbers and booleans too; a null means "no value", which the environment cannot hold.
            if (JsonFileOptions.AsText(property.Value) is { } text)
            {
                map[property.Name] = text;
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                throw new InvalidDataException(
                    $"{sourceDescription}: '{name}.{property.Name}' must be a string, number or boolean, not {property.Value.ValueKind}.");
            }
        }

        return map;
    }
}
