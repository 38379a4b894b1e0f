using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Site;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// The site the uploaded articles must come to, worked out from the articles alone: which listing files exist, which
/// articles each page lists in which order, which articles the feed and the sitemap carry. Paths come from the app's
/// own <see cref="SitePaths"/>, which is the site's contract; the contents are derived here, independently of the app.
/// </summary>
internal sealed class ExpectedSite
{
    private ExpectedSite(
        IReadOnlySet<string> slugs,
        IReadOnlyDictionary<string, IReadOnlyList<string>> listingPages,
        IReadOnlySet<string> tagSlugs,
        IReadOnlyList<string> feedSlugs,
        IReadOnlySet<string> listingFiles)
    {
        Slugs = slugs;
        ListingPages = listingPages;
        TagSlugs = tagSlugs;
        FeedSlugs = feedSlugs;
        ListingFiles = listingFiles;
    }

    /// <summary>Every article; each must have a page and a sitemap URL.</summary>
    public IReadOnlySet<string> Slugs { get; }

    /// <summary>The home pages (<c>index.html</c>, <c>page/N/index.html</c>) and every tag's pages, each with the slugs it lists, in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ListingPages { get; }

    /// <summary>The slugs of the tags in use; the tags index links each of them.</summary>
    public IReadOnlySet<string> TagSlugs { get; }

    /// <summary>The articles the feed carries, newest first.</summary>
    public IReadOnlyList<string> FeedSlugs { get; }

    /// <summary>Every listing file the site must have, and no others: everything but article pages and assets.</summary>
    public IReadOnlySet<string> ListingFiles { get; }

    public static ExpectedSite For(IReadOnlyList<GeneratedArticle> articles, int pageSize, int feedSize)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        // Newest first, ties by slug in ordinal order: the order the site promises for every listing.
        var newestFirst = articles
            .OrderByDescending(a => a.Date)
            .ThenBy(a => a.Slug, StringComparer.Ordinal)
            .ToList();
        var pages = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        AddPages(pages, "", newestFirst, pageSize);

        var tags = newestFirst
            .SelectMany(a => a.Tags.Select(tag => (Tag: SiteUrls.TagSlug(tag), Article: a)))
            .GroupBy(x => x.Tag.Value, StringComparer.Ordinal)
            .ToList();
        foreach (var tag in tags)
        {
            AddPages(pages, SitePaths.TagFolder(tag.First().Tag), tag.Select(x => x.Article).Distinct().ToList(), pageSize);
        }

        var files = new HashSet<string>(pages.Keys, StringComparer.Ordinal)
        {
            SitePaths.TagsIndex,
            SitePaths.Feed,
            SitePaths.Sitemap,
            SitePaths.Robots,
            SitePaths.NotFound,
        };
        return new ExpectedSite(
            articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal),
            pages,
            tags.Select(t => t.Key).ToHashSet(StringComparer.Ordinal),
            newestFirst.Take(feedSize).Select(a => a.Slug).ToList(),
            files);
    }

    private static void AddPages(Dictionary<string, IReadOnlyList<string>> pages, string folder, List<GeneratedArticle> newestFirst, int pageSize)
    {
        // Without articles the home page still exists (saying so); a tag without articles does not.
        var chunks = newestFirst.Chunk(pageSize).ToList();
        if (chunks.Count == 0 && folder.Length == 0)
        {
            chunks.Add([]);
        }

        for (var i = 0; i < chunks.Count; i++)
        {
            pages.Add(SitePaths.ListingPage(folder, i + 1), chunks[i].Select(a => a.Slug).ToList());
        }
    }
}
