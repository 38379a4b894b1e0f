using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>Assertions on what a function answered.</summary>
public static class ResponseAssert
{
    /// <summary>Asserts a JSON answer with <paramref name="status"/> and returns its body.</summary>
    public static JsonElement Json(FunctionResponse response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response}");
        AssertMediaType(response, "application/json");
        Assert.Equal(JsonValueKind.Object, response.Body.ValueKind);
        return response.Body;
    }

    /// <summary>
    /// Asserts an RFC 9457 problem+json answer with <paramref name="status"/>, whose detail is there to be read,
    /// and returns its body.
    /// </summary>
    public static JsonElement Problem(FunctionResponse response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response}");
        AssertMediaType(response, "application/problem+json");
        ProblemBody(response.Body, status);
        return response.Body;
    }

    /// <summary>Asserts that <paramref name="problem"/> is a problem details object for <paramref name="status"/> with a title and a detail.</summary>
    public static void ProblemBody(JsonElement problem, int status)
    {
        Assert.Equal(JsonValueKind.Object, problem.ValueKind);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), $"The problem has no title: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"The problem has no detail: {problem}");
    }

    /// <summary>The problem's detail.</summary>
    public static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    private static void AssertMediaType(FunctionResponse response, string expected)
    {
        Assert.True(MediaTypeHeaderValue.TryParse(response.ContentType, out var type), $"No valid Content-Type: {response}");
        Assert.Equal(expected, type.MediaType.Value);
        var charset = type.Charset.Value;
        Assert.True(string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase), $"Unexpected charset: {response.ContentType}");
    }
}
