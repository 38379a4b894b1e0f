namespace ContentPipeline.Core.Site;

/// <summary>An article as the feed carries it: its listing data and its full body.</summary>
/// <param name="Article">The article.</param>
/// <param name="BodyHtml">The article's rendered, sanitized body HTML (what its page shows below the header).</param>
public sealed record FeedEntry(ListedArticle Article, string BodyHtml);
