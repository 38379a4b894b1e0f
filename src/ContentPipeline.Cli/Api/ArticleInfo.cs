namespace ContentPipeline.Cli.Api;

/// <summary>An article as <c>GET /api/articles/{slug}</c> and the list answer it (the list leaves out <c>views</c>).</summary>
internal sealed record ArticleInfo(
    string Slug,
    string Title,
    string Status,
    string? Error,
    Uri? Url,
    string SourceBlob,
    string? SourceHash,
    DateTimeOffset? Date,
    IReadOnlyList<string>? Tags,
    string? Summary,
    string? Author,
    bool Draft,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    long? Views);
