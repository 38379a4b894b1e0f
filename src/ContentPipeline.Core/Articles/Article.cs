namespace ContentPipeline.Core.Articles;

/// <summary>A parsed article: its metadata and its body as safe HTML, ready for the page layout.</summary>
/// <param name="Metadata">What the source says about itself.</param>
/// <param name="BodyHtml">The article body; escaped and sanitized, safe to embed as is.</param>
/// <param name="WordCount">Words of body text, for the reading time.</param>
public sealed record Article(ArticleMetadata Metadata, string BodyHtml, int WordCount);
