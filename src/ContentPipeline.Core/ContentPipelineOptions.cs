namespace ContentPipeline.Core;

/// <summary>
/// Every name, limit and site setting of the pipeline in one place, bound from the configuration
/// section <see cref="SectionName"/>. The defaults are what the app runs with locally.
/// </summary>
public sealed class ContentPipelineOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "ContentPipeline";

    /// <summary>Default name of the container editors upload sources to. The blob trigger's path must agree.</summary>
    public const string DefaultArticlesContainer = "articles";

    /// <summary>Default name of the queue that asks for the listings to be rebuilt. The queue trigger's attribute must agree.</summary>
    public const string DefaultSiteRebuildQueue = "site-rebuilds";

    /// <summary>Container that holds uploaded article sources.</summary>
    public string ArticlesContainer { get; set; } = DefaultArticlesContainer;

    /// <summary>Container the site is served from (the static-website container).</summary>
    public string SiteContainer { get; set; } = "$web";

    /// <summary>Queue that asks for the listings to be rebuilt.</summary>
    public string SiteRebuildQueue { get; set; } = DefaultSiteRebuildQueue;

    /// <summary>Table that holds one catalog row per article.</summary>
    public string CatalogTable { get; set; } = "articles";

    /// <summary>Largest accepted upload, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 1024 * 1024;

    /// <summary>Public base URL of the site; canonical and Open Graph URLs are built from it.</summary>
    public Uri SiteBaseUrl { get; set; } = new("http://127.0.0.1:7072/");

    /// <summary>Site name shown in every page's header and in Open Graph tags.</summary>
    public string SiteName { get; set; } = "ContentPipeline";

    /// <summary>Links shown in every page's navigation, in order.</summary>
    public IList<NavigationLink> Navigation { get; } = [];

    /// <summary>Cache-Control of article pages.</summary>
    public string PageCacheControl { get; set; } = "public, max-age=300";

    /// <summary>
    /// How long a listing rebuild waits after the first change that asks for it, so a burst of uploads is listed by a
    /// handful of rebuilds rather than one per article.
    /// </summary>
    public TimeSpan SiteRebuildDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Cache-Control of listing pages (home, tags), the feed, the sitemap and robots.txt.</summary>
    public string ListingCacheControl { get; set; } = "public, max-age=60";

    /// <summary>Articles per page of the home page listing (<c>index.html</c>, <c>page/2/index.html</c>, …) and of tag pages.</summary>
    public int ListPageSize { get; set; } = 10;

    /// <summary>How many of the newest articles the Atom feed carries, with their full content.</summary>
    public int FeedSize { get; set; } = 20;

    /// <summary>
    /// A folder of Liquid files that replace the built-in templates of the same name (<c>layout.liquid</c>,
    /// <c>article.liquid</c>, …); templates it lacks stay built-in. Null uses only the built-in ones.
    /// </summary>
    public string? TemplateDirectory { get; set; }

    /// <summary>
    /// Public base URL of the HTTP API including its route prefix; pages call the view counter below it.
    /// In Azure the function app's URL, locally the local host's API origin.
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = new("http://127.0.0.1:7071/api/");

    /// <summary>Table that holds the view counters.</summary>
    public string ViewsTable { get; set; } = "views";
}
