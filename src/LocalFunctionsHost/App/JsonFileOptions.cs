using System.Text.Json;

namespace LocalFunctionsHost.App;

/// <summary>
/// How the app's JSON files are read. The real host reads them through configuration, which forgives
/// comments and trailing commas and matches names case-insensitively, so this host does the same.
/// </summary>
internal static class JsonFileOptions
{
    public static readonly JsonDocumentOptions Document = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            // An exact match first: it is the common case and the cheap one.
            if (element.TryGetProperty(name, out value))
            {
                return true;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>A property as text: strings as they are, numbers and booleans as written, else null.</summary>
    public static string? GetString(JsonElement element, string name) =>
        TryGetProperty(element, name, out var value) ? AsText(value) : null;

    public static int? GetInt32(JsonElement element, string name) =>
        TryGetProperty(element, name, out var value) && AsText(value) is { } text
            && int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static bool? GetBoolean(JsonElement element, string name) =>
        TryGetProperty(element, name, out var value) && AsText(value) is { } text && bool.TryParse(text, out var flag) ? flag : null;

    /// <summary>
    /// Scalars as configuration would see them: strings unchanged, numbers as written, booleans as
    /// "True"/"False" (the spelling .NET's bool.ToString gives, which the worker's settings expect).
    /// </summary>
    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => bool.TrueString,
        JsonValueKind.False => bool.FalseString,
        _ => null,
    };
}
