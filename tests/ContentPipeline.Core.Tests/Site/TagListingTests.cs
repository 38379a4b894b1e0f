using ContentPipeline.Core.Site;
using static ContentPipeline.Core.Tests.Site.ListingTestSupport;

namespace ContentPipeline.Core.Tests.Site;

public sealed class TagListingTests
{
    [Fact]
    public void Every_tag_gets_a_page_listing_its_articles_newest_first()
    {
        var articles = new[]
        {
            Article("one", 1, tags: ["science", "space"]),
            Article("two", 2, tags: ["science"]),
            Article("three", 3, tags: ["art"]),
        };

        var files = Plan(articles);

        Assert.Equal(
            ["tags/art/index.html", "tags/index.html", "tags/science/index.html", "tags/space/index.html"],
            files.Keys.Where(p => p.StartsWith("tags/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(["two", "one"], ListedSlugs(files["tags/science/index.html"]));
        Assert.Equal(["one"], ListedSlugs(files["tags/space/index.html"]));
        Assert.Equal(["three"], ListedSlugs(files["tags/art/index.html"]));

        var science = Html(files["tags/science/index.html"]);
        Assert.Equal(BaseUrl + "tags/science/", science.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("science · Example News", science.Title);
        Assert.Contains("science", science.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Spellings_with_one_slug_share_a_page_named_by_the_most_common_spelling()
    {
        var articles = new[]
        {
            Article("a", 1, tags: ["Machine Learning"]),
            Article("b", 2, tags: ["machine-learning"]),
            Article("c", 3, tags: ["machine learning"]),
            Article("d", 4, tags: ["machine-learning"]),
        };

        var files = Plan(articles, Options(pageSize: 10));

        var page = Html(files["tags/machine-learning/index.html"]);
        Assert.Equal(["d", "c", "b", "a"], ListedSlugs(files["tags/machine-learning/index.html"]));
        Assert.Equal("machine-learning · Example News", page.Title);
        Assert.Single(files.Keys, p => p.StartsWith("tags/machine", StringComparison.Ordinal));

        // Listings show the shared spelling, whatever the article wrote.
        var home = Html(files["index.html"]);
        Assert.All(home.QuerySelectorAll(".article-list .tags a"), a => Assert.Equal("machine-learning", a.TextContent));
    }

    [Fact]
    public void A_tie_between_spellings_goes_to_the_first_in_ordinal_order_whatever_the_input_order()
    {
        // The newer article (met first) writes "go", so only the ordinal rule picks "Go".
        ListedArticle[] articles = [Article("a", 1, tags: ["Go"]), Article("b", 2, tags: ["go"])];

        var forward = Html(Plan(articles)["tags/go/index.html"]);
        var backward = Html(Plan(articles.Reverse())["tags/go/index.html"]);

        // "Go" < "go" in ordinal order (uppercase letters come first).
        Assert.Equal("Go · Example News", forward.Title);
        Assert.Equal("Go · Example News", backward.Title);
    }

    [Fact]
    public void An_article_with_two_spellings_of_one_tag_is_listed_and_counted_once()
    {
        var files = Plan([Article("a", 1, tags: ["C#", "C"])]);

        Assert.Equal(["a"], ListedSlugs(files["tags/c/index.html"]));
        Assert.Equal("(1)", Html(files["tags/index.html"]).QuerySelector(".tag-index .count")?.TextContent);
        Assert.Single(Html(files["index.html"]).QuerySelectorAll(".article-list .tags a"));
    }

    [Fact]
    public void The_tags_index_lists_every_tag_alphabetically_with_its_count()
    {
        var articles = new[]
        {
            Article("a", 1, tags: ["zoology", "Art"]),
            Article("b", 2, tags: ["art", "music"]),
            Article("c", 3, tags: ["art"]),
            Article("d", 4),
        };

        var index = Html(Plan(articles)["tags/index.html"]);

        var items = index.QuerySelectorAll(".tag-index > li")
            .Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector("a")!.GetAttribute("href"), li.QuerySelector(".count")!.TextContent))
            .ToArray();
        Assert.Equal(
            [("art", BaseUrl + "tags/art/", "(3)"), ("music", BaseUrl + "tags/music/", "(1)"), ("zoology", BaseUrl + "tags/zoology/", "(1)")],
            items);
        Assert.Equal(BaseUrl + "tags/", index.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("Tags · Example News", index.Title);
    }

    [Fact]
    public void Without_tags_the_tags_index_still_exists_and_says_so()
    {
        var files = Plan([Article("a", 1)]);

        Assert.Equal(["tags/index.html"], files.Keys.Where(p => p.StartsWith("tags/", StringComparison.Ordinal)));
        Assert.NotNull(Html(files["tags/index.html"]).QuerySelector(".empty"));
    }

    [Fact]
    public void Tag_pages_are_paged_like_the_home_page()
    {
        var articles = Enumerable.Range(1, 4).Select(i => Article($"t-{i}", i, tags: ["news"])).Append(Article("other", 9)).ToArray();

        var files = Plan(articles, Options(pageSize: 3));

        Assert.Equal(["t-4", "t-3", "t-2"], ListedSlugs(files["tags/news/index.html"]));
        Assert.Equal(["t-1"], ListedSlugs(files["tags/news/page/2/index.html"]));
        Assert.False(files.ContainsKey("tags/news/page/3/index.html"));

        var first = Html(files["tags/news/index.html"]);
        var second = Html(files["tags/news/page/2/index.html"]);
        Assert.Equal(BaseUrl + "tags/news/page/2/", first.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(BaseUrl + "tags/news/page/2/", second.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(BaseUrl + "tags/news/", second.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public void A_tag_named_like_a_listing_folder_does_not_collide_with_other_files()
    {
        var files = Plan(Enumerable.Range(1, 4).Select(i => Article($"p-{i}", i, tags: ["page", "index"])), Options(pageSize: 3));

        Assert.Equal(["p-4", "p-3", "p-2"], ListedSlugs(files["tags/page/index.html"]));
        Assert.Equal(["p-1"], ListedSlugs(files["tags/page/page/2/index.html"]));
        Assert.Equal(["p-1"], ListedSlugs(files["tags/index/page/2/index.html"]));
        Assert.NotNull(Html(files["tags/index.html"]).QuerySelector(".tag-index"));
    }
}
