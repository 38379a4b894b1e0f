using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Site;
using static ContentPipeline.Core.Tests.Site.ListingTestSupport;

namespace ContentPipeline.Core.Tests.Site;

public sealed class HomeListingTests
{
    [Theory]
    [InlineData(0, new[] { "index.html" })]
    [InlineData(1, new[] { "index.html" })]
    [InlineData(3, new[] { "index.html" })]
    [InlineData(4, new[] { "index.html", "page/2/index.html" })]
    [InlineData(7, new[] { "index.html", "page/2/index.html", "page/3/index.html" })]
    public void Home_is_paged_by_the_page_size(int articles, string[] expectedPages)
    {
        var files = Plan(Numbered(articles), Options(pageSize: 3));

        var homePages = files.Keys.Where(p => p == "index.html" || p.StartsWith("page/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(expectedPages, homePages);
        Assert.Equal(articles, expectedPages.Sum(p => ListedSlugs(files[p]).Length));
    }

    [Fact]
    public void Exactly_one_page_of_articles_has_no_pager()
    {
        var home = Html(Plan(Numbered(3), Options(pageSize: 3))["index.html"]);

        Assert.Equal(3, home.QuerySelectorAll(".article-list > li").Length);
        Assert.Null(home.QuerySelector(".pager"));
        Assert.Empty(home.QuerySelectorAll("a[rel=prev], a[rel=next]"));
    }

    [Fact]
    public void Pages_link_their_neighbours_with_rel_prev_and_next_and_name_their_canonical_url()
    {
        var files = Plan(Numbered(7), Options(pageSize: 3));

        var first = Html(files["index.html"]);
        var second = Html(files["page/2/index.html"]);
        var last = Html(files["page/3/index.html"]);

        Assert.Equal(BaseUrl, first.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(BaseUrl + "page/2/", first.QuerySelector("a[rel=next]")?.GetAttribute("href"));

        Assert.Equal(BaseUrl + "page/2/", second.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(BaseUrl, second.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal(BaseUrl + "page/3/", second.QuerySelector("a[rel=next]")?.GetAttribute("href"));

        Assert.Equal(BaseUrl + "page/3/", last.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(BaseUrl + "page/2/", last.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Null(last.QuerySelector("a[rel=next]"));
        Assert.Equal("Page 3 of 3", last.QuerySelector(".pager-position")?.TextContent);
    }

    [Fact]
    public void Articles_are_listed_newest_first_and_same_day_articles_by_slug()
    {
        var articles = new[]
        {
            Article("old", 1),
            Article("zebra", 5),
            Article("apple", 5),
            Article("newest", 9),
            Article("mango", 5),
        };

        var files = Plan(articles, Options(pageSize: 3));

        Assert.Equal(["newest", "apple", "mango"], ListedSlugs(files["index.html"]));
        Assert.Equal(["zebra", "old"], ListedSlugs(files["page/2/index.html"]));
    }

    [Fact]
    public void Order_compares_instants_not_local_clock_readings()
    {
        // 10:00 at +05:00 is 05:00 UTC, earlier than 06:00 UTC.
        var east = Article("east", 0) with { Date = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(5)) };
        var utc = Article("utc", 0) with { Date = new DateTimeOffset(2024, 3, 1, 6, 0, 0, TimeSpan.Zero) };

        Assert.Equal(["utc", "east"], ListedSlugs(Plan([east, utc])["index.html"]));
    }

    [Fact]
    public void An_empty_site_still_has_a_home_page_saying_there_is_nothing_yet()
    {
        var home = Html(Plan([])["index.html"]);

        Assert.Equal("Nothing has been published yet.", home.QuerySelector(".empty")?.TextContent);
        Assert.Empty(home.QuerySelectorAll(".article-list > li"));
        Assert.Equal("Example News", home.Title);
    }

    [Fact]
    public void Each_listed_article_shows_its_title_link_date_author_summary_and_tags()
    {
        var article = Article("deltas", 0, title: "Deltas", tags: ["geo", "Rivers"], summary: "Where rivers meet the sea.", author: "Ana")
            with { Date = new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero) };

        var item = Html(Plan([article])["index.html"]).QuerySelector(".article-list > li")!;

        var link = item.QuerySelector("h2 a")!;
        Assert.Equal("Deltas", link.TextContent);
        Assert.Equal(BaseUrl + "articles/deltas/", link.GetAttribute("href"));
        Assert.Equal("2024-05-02T00:00:00Z", item.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Equal("2 May 2024", item.QuerySelector("time")?.TextContent);
        Assert.Equal("Ana", item.QuerySelector(".author")?.TextContent);
        Assert.Equal("Where rivers meet the sea.", item.QuerySelector(".summary")?.TextContent);
        Assert.Equal(
            [("geo", BaseUrl + "tags/geo/"), ("Rivers", BaseUrl + "tags/rivers/")],
            item.QuerySelectorAll(".tags a").Select(a => (a.TextContent, a.GetAttribute("href"))));
    }

    [Fact]
    public void Titles_summaries_authors_and_tags_render_inert_in_listings()
    {
        var article = Article(
            "xss",
            0,
            title: "</title><script>alert(1)</script>",
            tags: ["<img src=x onerror=alert(1)>"],
            summary: "\"><svg onload=alert(2)>",
            author: "<b>me</b>");

        var files = Plan([article]);

        foreach (var path in new[] { "index.html", SitePaths.ListingPage(SitePaths.TagFolder(SiteUrls.TagSlug(article.Tags[0])), 1), "tags/index.html" })
        {
            var page = Html(files[path]);
            Assert.Empty(page.QuerySelectorAll("script, img, svg, b, [onerror], [onload]"));
        }

        var home = Html(files["index.html"]);
        Assert.Equal("</title><script>alert(1)</script>", home.QuerySelector(".article-list h2 a")?.TextContent);
        Assert.Equal("\"><svg onload=alert(2)>", home.QuerySelector(".summary")?.TextContent);
        Assert.Equal("<b>me</b>", home.QuerySelector(".author")?.TextContent);
        Assert.Equal("<img src=x onerror=alert(1)>", home.QuerySelector(".tags a")?.TextContent);
    }

    [Fact]
    public void Listing_pages_use_the_shared_layout()
    {
        var options = Options(pageSize: 1);
        var stylesheet = BaseUrl + new SiteAssets().Stylesheet.Path;

        var files = Plan(Numbered(2), options);

        foreach (var path in new[] { "index.html", "page/2/index.html" })
        {
            var page = Html(files[path]);
            Assert.Equal(stylesheet, page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href"));
            Assert.Equal("Example News", page.QuerySelector("header.site-header .site-name")?.TextContent);
            Assert.NotNull(page.QuerySelector("footer.site-footer"));
        }

        Assert.Equal("Page 2 · Example News", Html(files["page/2/index.html"]).Title);
    }
}
