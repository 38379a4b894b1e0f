using AngleSharp.Html.Parser;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Site;
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

    public static PageRenderer CreateRenderer(ContentPipelineOptions? options = null)
    {
        options ??= SiteOptions();
        return new PageRenderer(new SiteTemplates(options), new SiteModel(options, new SiteAssets()));
    }

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

        var onlyScript = Assert.Single(document.QuerySelectorAll("script"));
        Assert.Equal("https://news.example/" + new SiteAssets().ViewsScript.Path, onlyScript.GetAttribute("src"));
        Assert.Empty(document.QuerySelectorAll("img:not(noscript img)"));
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
    public void Templates_in_the_template_directory_replace_the_built_in_ones_by_name()
    {
        var directory = Directory.CreateTempSubdirectory("templates-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "layout.liquid"), "<main>{{ content | raw }}</main><p>{{ site.name }} {{ page.url }}</p>");
            File.WriteAllText(Path.Combine(directory.FullName, "article.liquid"), "<h1>{{ article.title }}</h1>{{ article.body | raw }}");
            var options = SiteOptions();
            options.TemplateDirectory = directory.FullName;

            var html = CreateRenderer(options).Render(ParserTestSupport.ParseValid("# A & B\n\nx"), SlugOf("a-b")).Html;

            Assert.Equal("<main><h1>A &amp; B</h1><p>x</p>\n</main><p>Example News https://news.example/articles/a-b/</p>", html);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_template_missing_from_the_template_directory_stays_built_in()
    {
        var directory = Directory.CreateTempSubdirectory("templates-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "layout.liquid"), "[{{ content | raw }}]");
            var options = SiteOptions();
            options.TemplateDirectory = directory.FullName;

            var html = CreateRenderer(options).Render(ParserTestSupport.ParseValid("# Title\n\nx"), SlugOf("t")).Html;

            Assert.StartsWith("[<article>", html, StringComparison.Ordinal);
            Assert.Contains("<h1>Title</h1>", html, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_invalid_template_fails_at_construction_with_its_path()
    {
        var directory = Directory.CreateTempSubdirectory("templates-");
        var path = Path.Combine(directory.FullName, "article.liquid");
        File.WriteAllText(path, "{% if %}");
        try
        {
            var options = SiteOptions();
            options.TemplateDirectory = directory.FullName;

            var error = Assert.Throws<InvalidOperationException>(() => new SiteTemplates(options));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Article_pages_carry_the_counter_beacon_as_an_external_deferred_script_and_a_noscript_pixel()
    {
        var options = SiteOptions();
        options.ApiBaseUrl = new Uri("https://api.example/api");
        var assets = new SiteAssets();

        var html = CreateRenderer(options).Render(ParserTestSupport.ParseValid("# Deltas\n\nText."), SlugOf("deltas")).Html;
        var document = new HtmlParser().ParseDocument(html);

        var script = Assert.Single(document.QuerySelectorAll("script"));
        Assert.Equal("https://news.example/" + assets.ViewsScript.Path, script.GetAttribute("src"));
        Assert.True(script.HasAttribute("defer"));
        Assert.Equal("", script.TextContent);
        Assert.Equal("https://api.example/api/views/deltas", document.QuerySelector("[data-views-url]")?.GetAttribute("data-views-url"));
        Assert.Contains("https://api.example/api/views/deltas.gif", document.QuerySelector("noscript")?.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("https://news.example/" + assets.Stylesheet.Path, document.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href"));
        Assert.Empty(document.QuerySelectorAll("style, [style]"));
    }

    [Fact]
    public void The_content_security_policy_allows_no_inline_script_or_stylesheet_and_lets_the_beacon_reach_only_the_api()
    {
        var options = SiteOptions();
        options.ApiBaseUrl = new Uri("https://api.example:8443/api/");

        var html = CreateRenderer(options).Render(ParserTestSupport.ParseValid("# T\n\nx"), SlugOf("t")).Html;
        var policy = new HtmlParser().ParseDocument(html).QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content");

        Assert.NotNull(policy);
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("default-src 'none'", directives["default-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
        Assert.Contains("connect-src https://api.example:8443;", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_link_to_their_tag_pages()
    {
        var html = CreateRenderer().Render(ParserTestSupport.ParseValid("---\ntitle: T\ntags: [Fund Security, geo]\n---\nx"), SlugOf("t")).Html;
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll(".tags a");

        Assert.Equal(["https://news.example/tags/fund-security/", "https://news.example/tags/geo/"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Fund Security", "geo"], links.Select(a => a.TextContent));
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
