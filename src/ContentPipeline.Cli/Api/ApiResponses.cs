namespace ContentPipeline.Cli.Api;

/// <summary>A page of <c>GET /api/articles</c>.</summary>
internal sealed record ArticlePage(IReadOnlyList<ArticleInfo> Articles, string? Continuation);

/// <summary>The answer of <c>GET /api/views?top=N</c>.</summary>
internal sealed record ViewRanking(IReadOnlyList<RankedArticle> Articles);

/// <summary>One article of the ranking.</summary>
internal sealed record RankedArticle(string Slug, string Title, long Views);

/// <summary>The answer of <c>GET /api/views/{slug}</c>.</summary>
internal sealed record ViewCount(string Slug, long Views);
