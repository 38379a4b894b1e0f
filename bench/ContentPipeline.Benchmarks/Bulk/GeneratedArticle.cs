namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>One article of the bulk benchmark: what it uploads (<see cref="Markdown"/>) and what the site must then show.</summary>
internal sealed record GeneratedArticle(string Slug, string Title, DateTimeOffset Date, IReadOnlyList<string> Tags, string Markdown);
