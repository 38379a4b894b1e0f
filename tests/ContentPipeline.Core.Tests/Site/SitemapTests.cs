using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ContentPipeline.Core.Site;
using static ContentPipeline.Core.Tests.Site.ListingTestSupport;

namespace ContentPipeline.Core.Tests.Site;

public sealed partial class SitemapTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    // W3C Datetime (https://www.w3.org/TR/NOTE-datetime), the format the protocol asks of lastmod.
    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")]
    private static partial Regex W3cDatetime();

    private static List<(string Loc, string? LastMod)> Urls(SiteFile sitemap)
    {
        var document = XDocument.Parse(Text(sitemap));
        Assert.Equal(Sitemap + "urlset", document.Root!.Name);
        Assert.All(document.Root.Elements(), url => Assert.Equal(Sitemap + "url", url.Name));
        return document.Root.Elements(Sitemap + "url")
            .Select(url => (url.Element(Sitemap + "loc")!.Value, url.Element(Sitemap + "lastmod")?.Value))
            .ToList();
    }

    [Fact]
    public void Sitemap_follows_the_protocol()
    {
        var articles = Enumerable.Range(1, 25).Select(i => Article($"a-{i}", i, tags: [i % 2 == 0 ? "even" : "odd"])).ToArray();

        var sitemap = Plan(articles)["sitemap.xml"];
        var urls = Urls(sitemap);

        Assert.Equal("application/xml; charset=utf-8", sitemap.ContentType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Text(sitemap), StringComparison.Ordinal);
        Assert.InRange(urls.Count, 1, 50_000);
        Assert.All(urls, url =>
        {
            Assert.True(Uri.TryCreate(url.Loc, UriKind.Absolute, out var loc), url.Loc);
            Assert.StartsWith(BaseUrl, loc.AbsoluteUri, StringComparison.Ordinal);
            Assert.NotNull(url.LastMod);
            Assert.Matches(W3cDatetime(), url.LastMod);
            Assert.True(DateTimeOffset.TryParse(url.LastMod, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), url.LastMod);
        });
        Assert.Equal(urls.Count, urls.Select(u => u.Loc).Distinct().Count());
    }

    [Fact]
    public void Every_article_appears_once_with_its_update_time()
    {
        var articles = Numbered(12);

        var urls = Urls(Plan(articles)["sitemap.xml"]);

        foreach (var article in articles)
        {
            var url = Assert.Single(urls, u => u.Loc == $"{BaseUrl}articles/{article.Slug}/");
            Assert.Equal(article.Updated, DateTimeOffset.Parse(url.LastMod!, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Sitemap_lists_the_home_page_the_tags_index_and_each_tag_page()
    {
        var urls = Urls(Plan([Article("a", 1, tags: ["geo"]), Article("b", 2, tags: ["art", "Geo"])])["sitemap.xml"]).Select(u => u.Loc);

        Assert.Equal(
            [BaseUrl, BaseUrl + "tags/", BaseUrl + "tags/art/", BaseUrl + "tags/geo/", BaseUrl + "articles/b/", BaseUrl + "articles/a/"],
            urls);
    }

    [Fact]
    public void An_empty_site_has_a_sitemap_of_its_home_and_tags_index()
    {
        var urls = Urls(Plan([])["sitemap.xml"]);

        Assert.Equal([(BaseUrl, null), (BaseUrl + "tags/", null)], urls);
    }

    [Fact]
    public void Past_the_url_limit_the_sitemap_becomes_an_index_of_parts_beside_it()
    {
        var urls = Enumerable.Range(1, 5).Select(i => new SitemapUrl(new Uri($"{BaseUrl}articles/a-{i}/"), Start.AddDays(i))).ToList();

        var files = new SitemapWriter(new Uri(BaseUrl), "public, max-age=1", maxUrlsPerFile: 2).Write(urls);

        Assert.Equal(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"], files.Select(f => f.Path));
        var index = XDocument.Parse(Text(files[0]));
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        Assert.Equal(
            [BaseUrl + "sitemap-1.xml", BaseUrl + "sitemap-2.xml", BaseUrl + "sitemap-3.xml"],
            index.Root.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value));
        Assert.Equal("2024-01-03T00:00:00Z", index.Root.Elements(Sitemap + "sitemap").First().Element(Sitemap + "lastmod")!.Value);
        Assert.Equal(urls.Select(u => u.Location.AbsoluteUri), files.Skip(1).SelectMany(f => Urls(f)).Select(u => u.Loc));
        Assert.All(files, f => Assert.Equal("public, max-age=1", f.CacheControl));
    }

    [Fact]
    public void Up_to_the_limit_the_sitemap_is_one_file()
    {
        var urls = Enumerable.Range(1, 2).Select(i => new SitemapUrl(new Uri($"{BaseUrl}articles/a-{i}/"), null)).ToList();

        var file = Assert.Single(new SitemapWriter(new Uri(BaseUrl), "public, max-age=1", maxUrlsPerFile: 2).Write(urls));

        Assert.Equal("sitemap.xml", file.Path);
        Assert.Equal(2, Urls(file).Count);
    }

    [Fact]
    public void Robots_txt_allows_everything_and_points_to_the_sitemap()
    {
        var robots = Plan([])["robots.txt"];

        Assert.Equal("User-agent: *\nAllow: /\n\nSitemap: https://news.example/sitemap.xml\n", Text(robots));
        Assert.Equal("text/plain; charset=utf-8", robots.ContentType);
    }
}
