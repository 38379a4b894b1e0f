using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Site;

/// <summary>
/// What the site's listings (home, tag pages, feed, sitemap) need to know about one live article. Bodies are not
/// part of it: they live in blobs, and only the feed's newest few are read (see <see cref="SiteListing.FeedArticles"/>).
/// </summary>
/// <param name="Slug">The article's slug; unique among the articles listed together.</param>
/// <param name="Title">The title, as plain text.</param>
/// <param name="Date">
/// The date the article sorts and shows by. Callers fall back to the first publication time for undated articles,
/// so every listed article has one.
/// </param>
/// <param name="Summary">A plain-text summary; may be empty.</param>
/// <param name="Tags">The tags as the article spells them.</param>
/// <param name="Author">The author, if the article names one.</param>
/// <param name="Updated">When the article's page last changed: the feed's <c>updated</c> and the sitemap's <c>lastmod</c>.</param>
public sealed record ListedArticle(
    Slug Slug,
    string Title,
    DateTimeOffset Date,
    string Summary,
    IReadOnlyList<string> Tags,
    string? Author,
    DateTimeOffset Updated);
