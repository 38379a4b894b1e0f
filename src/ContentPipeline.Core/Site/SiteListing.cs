using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Site;

/// <summary>
/// Plans every listing file of the site from all live articles: the paged home page, a paged page per tag, the tags
/// index, the Atom feed, the sitemap, robots.txt and the not-found page. Pure and deterministic: the same articles,
/// in any order, give the same files byte for byte, so a caller rewrites only the files whose hash changed.
/// </summary>
/// <remarks>
/// Cost is one sort (O(n log n)) plus work linear in the articles, their tags and the pages rendered: tags are
/// grouped in one pass, pages slice the sorted array, and each article's template model is built once and shared by
/// every page that lists it. Thread-safe: a plan holds no state between calls.
/// </remarks>
public sealed class SiteListing
{
    private readonly SiteModel site;
    private readonly ListingPageRenderer pages;
    private readonly AtomFeedWriter feed;
    private readonly SitemapWriter sitemap;
    private readonly int pageSize;
    private readonly int feedSize;
    private readonly string cacheControl;

    /// <summary>Creates a planner with the page size, feed size and Cache-Control of <paramref name="options"/>.</summary>
    public SiteListing(SiteTemplates templates, SiteModel site, ContentPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ListPageSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.FeedSize, nameof(options));
        ArgumentException.ThrowIfNullOrEmpty(options.ListingCacheControl, nameof(options));
        this.site = site;
        pages = new ListingPageRenderer(templates, site);
        feed = new AtomFeedWriter(site);
        sitemap = new SitemapWriter(site.BaseUrl, options.ListingCacheControl);
        pageSize = options.ListPageSize;
        feedSize = options.FeedSize;
        cacheControl = options.ListingCacheControl;
    }

    /// <summary>
    /// The articles the feed carries (the newest <see cref="ContentPipelineOptions.FeedSize"/>, newest first): the
    /// only ones whose bodies <see cref="Plan"/> needs, so a caller reads just these from storage.
    /// </summary>
    public IReadOnlyList<ListedArticle> FeedArticles(IEnumerable<ListedArticle> articles) => Newest(NewestFirst.Sort(articles));

    /// <summary>
    /// Every listing file for <paramref name="articles"/> (all live articles, in any order), ordered by path.
    /// </summary>
    /// <param name="articles">Every article the site lists; slugs must be unique.</param>
    /// <param name="feedBodies">
    /// The body HTML of at least each article <see cref="FeedArticles"/> returns for the same articles; others are ignored.
    /// </param>
    /// <exception cref="ArgumentException">A slug is listed twice, or a feed article's body is missing.</exception>
    public IReadOnlyList<SiteFile> Plan(IEnumerable<ListedArticle> articles, IReadOnlyDictionary<Slug, string> feedBodies)
    {
        ArgumentNullException.ThrowIfNull(feedBodies);
        var newestFirst = NewestFirst.Sort(articles);
        var tags = TagIndex.Build(newestFirst);
        var models = new ListingModels(site, newestFirst, tags);
        var files = new List<SiteFile>();
        foreach (var page in ListingPage.Split(site.BaseUrl, "", newestFirst, pageSize))
        {
            files.Add(Html(page.Path, pages.Home(page, models)));
        }

        foreach (var tag in tags.All)
        {
            foreach (var page in ListingPage.Split(site.BaseUrl, SitePaths.TagFolder(tag.Slug), tag.Articles, pageSize))
            {
                files.Add(Html(page.Path, pages.Tag(tag, page, models)));
            }
        }

        files.Add(Html(SitePaths.TagsIndex, pages.Tags(tags.All, models)));
        files.Add(Html(SitePaths.NotFound, pages.NotFound()));
        files.Add(new SiteFile(SitePaths.Feed, feed.Write(FeedEntries(newestFirst, feedBodies)), SiteContentTypes.Atom, cacheControl));
        files.AddRange(sitemap.Write(SitemapUrls(newestFirst, tags)));
        files.Add(SiteFile.FromText(SitePaths.Robots, RobotsTxt.For(site.BaseUrl), SiteContentTypes.Text, cacheControl));
        files.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
        return files;
    }

    private ListedArticle[] Newest(ListedArticle[] newestFirst) => newestFirst[..Math.Min(feedSize, newestFirst.Length)];

    private List<FeedEntry> FeedEntries(ListedArticle[] newestFirst, IReadOnlyDictionary<Slug, string> bodies) =>
        Newest(newestFirst)
            .Select(article => bodies.TryGetValue(article.Slug, out var body)
                ? new FeedEntry(article, body)
                : throw new ArgumentException($"There is no body for '{article.Slug}', which the feed carries; pass the bodies of FeedArticles.", nameof(bodies)))
            .ToList();

    // Listing pages change whenever one of their articles does, so their lastmod is their newest article's.
    private List<SitemapUrl> SitemapUrls(ListedArticle[] newestFirst, TagIndex tags)
    {
        var latest = newestFirst.Length == 0 ? (DateTimeOffset?)null : newestFirst.Max(a => a.Updated);
        var urls = new List<SitemapUrl>(newestFirst.Length + tags.All.Count + 2)
        {
            new(site.BaseUrl, latest),
            new(new Uri(site.BaseUrl, SitePaths.TagsFolder), latest),
        };
        urls.AddRange(tags.All.Select(tag => new SitemapUrl(SiteUrls.TagPage(site.BaseUrl, tag.Slug), tag.Articles.Max(a => a.Updated))));
        urls.AddRange(newestFirst.Select(article => new SitemapUrl(SiteUrls.ArticlePage(site.BaseUrl, article.Slug), article.Updated)));
        return urls;
    }

    private SiteFile Html(string path, string html) => SiteFile.FromText(path, html, SiteContentTypes.Html, cacheControl);
}
