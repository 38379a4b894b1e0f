using ContentPipeline.Core.Site;
using static ContentPipeline.Core.Tests.Site.ListingTestSupport;

namespace ContentPipeline.Core.Tests.Site;

public sealed class SiteListingTests
{
    [Fact]
    public void A_site_has_exactly_the_listing_files_it_needs()
    {
        var files = Plan([Article("a", 1, tags: ["geo"]), Article("b", 2)]);

        Assert.Equal(
            ["404.html", "feed.xml", "index.html", "robots.txt", "sitemap.xml", "tags/geo/index.html", "tags/index.html"],
            files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_lists_files_in_path_order()
    {
        var paths = Listing(Options()).Plan(Numbered(4), Numbered(4).ToDictionary(a => a.Slug, a => Body(a.Slug))).Select(f => f.Path).ToList();

        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public void Every_file_has_its_content_type_the_listing_cache_control_and_the_hash_of_its_bytes()
    {
        var files = Plan(Enumerable.Range(1, 5).Select(i => Article($"a-{i}", i, tags: ["t"])));

        foreach (var file in files.Values)
        {
            var expectedType = Path.GetExtension(file.Path) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".xml" when file.Path == "feed.xml" => "application/atom+xml; charset=utf-8",
                ".xml" => "application/xml; charset=utf-8",
                ".txt" => "text/plain; charset=utf-8",
                _ => throw new InvalidOperationException($"Unexpected file {file.Path}"),
            };
            Assert.Equal(expectedType, file.ContentType);
            Assert.Equal("public, max-age=42", file.CacheControl);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content.Span)), file.ContentHash);
            Assert.NotEqual(0xEF, file.Content.Span[0]);
        }
    }

    [Fact]
    public void The_same_articles_in_any_order_give_the_same_bytes()
    {
        var articles = Enumerable.Range(1, 40)
            .Select(i => Article($"a-{i:D2}", i / 3, tags: [$"tag-{i % 4}", i % 5 == 0 ? "Five" : "five", "Common"]))
            .ToArray();
        var shuffled = articles.ToArray();
        new Random(1234).Shuffle(shuffled);

        var ordered = Plan(articles, Options(pageSize: 4));
        var again = Plan(shuffled, Options(pageSize: 4));

        Assert.Equal(ordered.Keys.Order(StringComparer.Ordinal), again.Keys.Order(StringComparer.Ordinal));
        Assert.All(ordered, pair => Assert.Equal(pair.Value.Content.ToArray(), again[pair.Key].Content.ToArray()));
    }

    [Fact]
    public void Changing_one_article_changes_only_the_files_that_show_it()
    {
        ListedArticle[] before = [Article("a", 1, tags: ["geo"]), Article("b", 2, tags: ["art"])];
        ListedArticle[] after = [before[0] with { Title = "Renamed" }, before[1]];

        var old = Plan(before);
        var changed = Plan(after).Where(pair => pair.Value.ContentHash != old[pair.Key].ContentHash).Select(pair => pair.Key);

        Assert.Equal(["feed.xml", "index.html", "tags/geo/index.html"], changed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_same_slug_listed_twice_is_refused()
    {
        var bodies = new Dictionary<Core.Slugs.Slug, string> { [SlugOf("a")] = "<p>A</p>" };

        var error = Assert.Throws<ArgumentException>(() => Listing(Options()).Plan([Article("a", 1), Article("a", 2)], bodies));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_not_found_page_uses_the_layout_and_links_home_absolutely()
    {
        var page = Html(Plan([])["404.html"]);

        Assert.Equal("Page not found · Example News", page.Title);
        Assert.Equal(BaseUrl + "404.html", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("Example News", page.QuerySelector("header.site-header .site-name")?.TextContent);
        Assert.NotNull(page.QuerySelector("footer.site-footer"));
        Assert.Equal("Page not found", page.QuerySelector("main h1")?.TextContent);
        Assert.All(page.QuerySelectorAll("main a"), a => Assert.StartsWith(BaseUrl, a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Listing_templates_can_be_replaced_from_the_template_directory()
    {
        var directory = Directory.CreateTempSubdirectory("templates-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "home.liquid"), "{% for article in articles %}[{{ article.title }}]{% endfor %} {{ pagination.current }}/{{ pagination.total }}");
            var options = Options();
            options.TemplateDirectory = directory.FullName;

            var home = Text(Plan([Article("a", 1, title: "A & B")], options)["index.html"]);

            Assert.Contains("<main>\n[A &amp; B] 1/1\n</main>", home, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Listing_paths_fall_under_the_listing_prefixes_or_are_fixed_names()
    {
        var fixedNames = new[] { SitePaths.Home, SitePaths.TagsIndex, SitePaths.Feed, SitePaths.Sitemap, SitePaths.Robots, SitePaths.NotFound };

        var files = Plan(Enumerable.Range(1, 7).Select(i => Article($"a-{i}", i, tags: ["x"])), Options(pageSize: 2));

        Assert.All(files.Keys, path => Assert.True(
            fixedNames.Contains(path) || SitePaths.ListingPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)),
            path));
    }
}
