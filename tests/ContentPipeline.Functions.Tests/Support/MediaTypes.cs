namespace ContentPipeline.Functions.Tests.Support;

/// <summary>The media types the tests send and expect.</summary>
public static class MediaTypes
{
    public const string Markdown = "text/markdown; charset=utf-8";
    public const string PlainText = "text/plain; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Problem = "application/problem+json";
}
