namespace ContentPipeline.Core.Site;

/// <summary>One <c>url</c> of the sitemap.</summary>
/// <param name="Location">The page's absolute URL.</param>
/// <param name="LastModified">When the page last changed, if known.</param>
public sealed record SitemapUrl(Uri Location, DateTimeOffset? LastModified);
