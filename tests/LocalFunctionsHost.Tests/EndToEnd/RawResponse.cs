using System.Text.Json;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>An answer read by <see cref="RawHttp"/>, and how much of the request body had been sent by then.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body, long BodyBytesSent)
{
    public string? ContentType => Headers.TryGetValue("Content-Type", out var type) ? type : null;

    /// <summary>The problem+json body's <c>detail</c>; fails the test when the answer is no problem.</summary>
    public string ProblemDetail()
    {
        Assert.True(ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true, $"Expected problem+json, got {Status} '{ContentType}': {Body}");
        var problem = JsonSerializer.Deserialize<JsonElement>(Body);
        Assert.Equal(Status, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("detail").GetString() ?? "";
    }
}
