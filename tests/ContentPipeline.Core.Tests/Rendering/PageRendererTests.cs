using AngleSharp.Html.Parser;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Core.Tests.Parsing;

namespace ContentPipeline.Core.Tests.Rendering;

public sealed class PageRendererTests
{
    public static ContentPipelineOptions SiteOptions()
    {
        var options = new ContentPipelineOptions { SiteBaseUrl = new Uri("https://news.example/"), SiteName = "Example News" };
        options.Navigation.Add(new NavigationLink { Title = "Home", Url = "/" });
        options.Navigation.Add(new NavigationLink { Title = "About", Url = "/about/" });
        return options;
    }

    public static PageRenderer CreateRenderer() => new(SiteOptions());

    private static Slug SlugOf(string text) => Slug.TryParse(text, out var slug, out var error) ? slug : throw new ArgumentException(error);

    [Fact]
    public void Page_is_a_complete_html5_document_with_meta_and_open_graph_tags()
    {
        var article = ParserTestSupport.ParseValid("---\ntitle: Deltas\ndate: 2024-05-02\nsummary: Where rivers meet the sea.\nauthor: Ana\ntags: [geo]\n---\nText.");

        var html = CreateRenderer().Render(article, SlugOf("deltas")).Html;
        var document = new HtmlParser().ParseDocument(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal("utf-8", document.QuerySelector("meta[charset]")?.GetAttribute("charset"));
        Assert.Equal("Deltas · Example News", document.Title);
        Assert.Equal("Where rivers meet the sea.", document.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal("https://news.example/articles/deltas/", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("https://news.example/articles/deltas/", document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Equal("Deltas", document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Equal("2024-05-02T00:00:00Z", document.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Equal("2 May 2024", document.QuerySelector("time")?.TextContent);
        Assert.Equal("Ana", document.QuerySelector(".author")?.TextContent);
        Assert.Equal("1 min read", document.QuerySelector(".reading-time")?.TextContent);
        Assert.Equal(["Home", "About"], document.QuerySelectorAll("nav a").Select(a => a.TextContent));
        Assert.Equal("geo", document.QuerySelector(".tags li")?.TextContent);
        Assert.Equal("Text.", document.QuerySelector("article > p")?.TextContent);
        Assert.NotNull(document.QuerySelector("footer.site-footer"));
    }

    [Fact]
    public void Metadata_is_escaped_everywhere_it_appears()
    {
        var article = ParserTestSupport.ParseValid("---\ntitle: \"</title><script>alert(1)</script>\"\nsummary: '\"><img src=x onerror=alert(1)>'\nauthor: <b>me</b>\ntags: [\"<i>t</i>\"]\n---\nText.");

        var html = CreateRenderer().Render(article, SlugOf("x")).Html;
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Empty(document.QuerySelectorAll("header b, header i"));
        Assert.Equal("</title><script>alert(1)</script>", document.QuerySelector("h1")?.TextContent);
        Assert.Equal("\"><img src=x onerror=alert(1)>", document.QuerySelector("meta[name=description]")?.GetAttribute("content"));
    }

    [Fact]
    public void Non_latin_text_stays_readable_instead_of_entity_encoded()
    {
        var article = ParserTestSupport.ParseValid("---\ntitle: 北京欢迎你\n---\nΚαλημέρα.");

        var html = CreateRenderer().Render(article, SlugOf("beijing")).Html;

        Assert.Contains("<h1>北京欢迎你</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_article_renders_to_the_same_bytes_and_hash()
    {
        var article = ParserTestSupport.ParseValid("---\ntitle: T\ndate: 2024-01-01\n---\nBody.");
        var renderer = CreateRenderer();

        var first = renderer.Render(article, SlugOf("t"));
        var second = renderer.Render(article, SlugOf("t"));

        Assert.Equal(first.Content.ToArray(), second.Content.ToArray());
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first.ContentHash);
    }

    [Fact]
    public void Different_content_gives_a_different_hash()
    {
        var renderer = CreateRenderer();

        var one = renderer.Render(ParserTestSupport.ParseValid("# T\n\nOne."), SlugOf("t"));
        var two = renderer.Render(ParserTestSupport.ParseValid("# T\n\nTwo."), SlugOf("t"));

        Assert.NotEqual(one.ContentHash, two.ContentHash);
    }

    [Fact]
    public void A_user_template_replaces_the_layout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}.liquid");
        File.WriteAllText(path, "<h1>{{ article.title }}</h1>{{ article.body | raw }}<p>{{ site.name }} {{ article.url }}</p>");
        try
        {
            var options = SiteOptions();
            options.PageTemplatePath = path;

            var html = new PageRenderer(options).Render(ParserTestSupport.ParseValid("# A & B\n\nx"), SlugOf("a-b")).Html;

            Assert.Equal("<h1>A &amp; B</h1><p>x</p>\n<p>Example News https://news.example/articles/a-b/</p>", html);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_invalid_template_fails_at_construction_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}.liquid");
        File.WriteAllText(path, "{% if %}");
        try
        {
            var options = SiteOptions();
            options.PageTemplatePath = path;

            var error = Assert.Throws<InvalidOperationException>(() => new PageRenderer(options));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(220, 1)]
    [InlineData(221, 2)]
    [InlineData(1100, 5)]
    public void Reading_time_rounds_up_to_whole_minutes(int words, int minutes) =>
        Assert.Equal(minutes, PageRenderer.ReadingMinutes(words));

    [Fact]
    public void Base_url_without_trailing_slash_still_nests_article_urls()
    {
        var url = SiteUrls.ArticlePage(new Uri("https://example.com/blog"), SlugOf("x"));

        Assert.Equal("https://example.com/blog/articles/x/", url.ToString());
    }
}
