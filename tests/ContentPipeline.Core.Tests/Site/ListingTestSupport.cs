using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Site;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Tests.Site;

/// <summary>Articles, a planner and readers for the site listing tests.</summary>
internal static class ListingTestSupport
{
    public const string BaseUrl = "https://news.example/";

    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ContentPipelineOptions Options(int pageSize = 3, int feedSize = 5)
    {
        var options = new ContentPipelineOptions
        {
            SiteBaseUrl = new Uri(BaseUrl),
            SiteName = "Example News",
            ListPageSize = pageSize,
            FeedSize = feedSize,
            ListingCacheControl = "public, max-age=42",
        };
        options.Navigation.Add(new NavigationLink { Title = "Home", Url = "/" });
        return options;
    }

    public static SiteListing Listing(ContentPipelineOptions options) => new(new SiteTemplates(options), Site(options), options);

    public static SiteModel Site(ContentPipelineOptions options) => new(options, new SiteAssets());

    public static Slug SlugOf(string text) => Slug.TryParse(text, out var slug, out var error) ? slug : throw new ArgumentException(error);

    /// <summary>An article dated <paramref name="day"/> days after <see cref="Start"/>, updated an hour later.</summary>
    public static ListedArticle Article(string slug, int day, string? title = null, string[]? tags = null, string summary = "A summary.", string? author = null) =>
        new(SlugOf(slug), title ?? "Title of " + slug, Start.AddDays(day), summary, tags ?? [], author, Start.AddDays(day).AddHours(1));

    /// <summary>Articles a-001 … a-NNN, a-001 the oldest.</summary>
    public static ListedArticle[] Numbered(int count) =>
        Enumerable.Range(1, count).Select(i => Article($"a-{i:D3}", i)).ToArray();

    public static string Body(Slug slug) => $"<p>Body of {slug}.</p>";

    /// <summary>Plans the listing with a made-up body for every article.</summary>
    public static Dictionary<string, SiteFile> Plan(IEnumerable<ListedArticle> articles, ContentPipelineOptions? options = null)
    {
        var list = articles.ToList();
        var files = Listing(options ?? Options()).Plan(list, list.ToDictionary(a => a.Slug, a => Body(a.Slug)));
        return files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public static string Text(SiteFile file) => Encoding.UTF8.GetString(file.Content.Span);

    public static IDocument Html(SiteFile file) => new HtmlParser().ParseDocument(Text(file));

    /// <summary>The slugs a listing page links in its article list, in order.</summary>
    public static string[] ListedSlugs(SiteFile page) =>
        Html(page).QuerySelectorAll(".article-list h2 a")
            .Select(a => a.GetAttribute("href")!)
            .Select(href => href[(BaseUrl + "articles/").Length..].TrimEnd('/'))
            .ToArray();
}
