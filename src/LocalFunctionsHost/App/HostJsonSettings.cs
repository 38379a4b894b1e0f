using System.Text.Json;

namespace LocalFunctionsHost.App;

/// <summary>
/// The app's <c>host.json</c>: the HTTP route prefix and the blob trigger settings this host honours,
/// plus the whole document for anything else (queues, timers...).
/// </summary>
internal sealed class HostJsonSettings
{
    public const string FileName = "host.json";

    /// <summary>The real host's default for <c>extensions.http.routePrefix</c>.</summary>
    public const string DefaultRoutePrefix = "api";

    private HostJsonSettings(JsonElement root, string routePrefix, BlobsExtensionSettings blobs)
    {
        Root = root;
        RoutePrefix = routePrefix;
        Blobs = blobs;
    }

    /// <summary>The parsed document (an empty object when the app has no host.json).</summary>
    public JsonElement Root { get; }

    /// <summary>
    /// <c>extensions.http.routePrefix</c> without surrounding slashes; "api" when unset, and possibly
    /// empty (an explicit "" puts routes at the root).
    /// </summary>
    public string RoutePrefix { get; }

    /// <summary><c>extensions.blobs</c>, with the real extension's defaults for what is unset.</summary>
    public BlobsExtensionSettings Blobs { get; }

    public static HostJsonSettings Empty { get; } = Parse("{}", "(no host.json)");

    /// <summary>
    /// A section by its path, e.g. <c>GetSection("extensions", "queues")</c>; names match case-insensitively.
    /// </summary>
    public JsonElement? GetSection(params ReadOnlySpan<string> path)
    {
        var current = Root;
        foreach (var name in path)
        {
            if (!JsonFileOptions.TryGetProperty(current, name, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static HostJsonSettings Parse(string json, string sourceDescription)
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

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{sourceDescription} must hold a JSON object.");
        }

        var routePrefix = DefaultRoutePrefix;
        if (Section(root, "extensions", "http") is { } http && JsonFileOptions.TryGetProperty(http, "routePrefix", out var prefix))
        {
            // A null prefix is treated as unset, like configuration binding does.
            routePrefix = prefix.ValueKind == JsonValueKind.String ? prefix.GetString()!.Trim('/') : DefaultRoutePrefix;
        }

        var blobs = BlobsExtensionSettings.From(Section(root, "extensions", "blobs"));
        return new HostJsonSettings(root, routePrefix, blobs);
    }

    public static HostJsonSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        return Parse(File.ReadAllText(path), path);
    }

    private static JsonElement? Section(JsonElement root, string first, string second) =>
        JsonFileOptions.TryGetProperty(root, first, out var outer) && JsonFileOptions.TryGetProperty(outer, second, out var inner)
            ? inner
            : null;
}
