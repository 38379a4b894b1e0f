using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>What a function's <see cref="IResult"/> wrote to the response: status, headers and the JSON body.</summary>
public sealed record FunctionResponse(int StatusCode, string? ContentType, IHeaderDictionary Headers, JsonElement Body, string RawBody)
{
    /// <summary>Executes <paramref name="result"/> against <paramref name="http"/> as the host would, and reads back what it wrote.</summary>
    public static async Task<FunctionResponse> ExecuteAsync(IResult result, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(http);
        await result.ExecuteAsync(http);
        return await ReadAsync(http);
    }

    /// <summary>Reads back what was written to <paramref name="http"/>'s response, whose body must be a seekable stream.</summary>
    public static async Task<FunctionResponse> ReadAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = http.Response.Body;
        body.Position = 0;
        using var reader = new StreamReader(body, leaveOpen: true);
        var raw = await reader.ReadToEndAsync();
        var json = raw.Length == 0 ? default : JsonDocument.Parse(raw).RootElement.Clone();
        return new FunctionResponse(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers, json, raw);
    }

    /// <summary>A string property of the body; null when it is absent or JSON null.</summary>
    public string? Text(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <inheritdoc />
    public override string ToString() => $"{StatusCode} {ContentType}: {RawBody}";
}
