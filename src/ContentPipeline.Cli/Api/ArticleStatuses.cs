namespace ContentPipeline.Cli.Api;

/// <summary>The <c>status</c> values of the API's articles.</summary>
internal static class ArticleStatuses
{
    public const string Pending = "pending";
    public const string Published = "published";
    public const string Failed = "failed";
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";

    /// <summary>
    /// True once the pipeline is done with the source: every status but pending is an outcome (a draft or a
    /// scheduled article has no page, and that is what the source asked for).
    /// </summary>
    public static bool IsFinal(string status) => !string.Equals(status, Pending, StringComparison.Ordinal);
}
