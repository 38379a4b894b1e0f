using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Publishing;
using ContentPipeline.Storage.Site;
using ContentPipeline.Testing;
using Microsoft.Extensions.Time.Testing;
using static ContentPipeline.Storage.Tests.StorageTestContext;

namespace ContentPipeline.Storage.Tests;

/// <summary>The site around the articles, built from the catalog on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiteAzuriteTests(AzuriteFixture azurite)
{
    private StorageTestContext NewContext(int pageSize = 2, TimeProvider? time = null) =>
        new(azurite, o => { o.ListPageSize = pageSize; o.ListingCacheControl = "public, max-age=30"; }, time: time);

    private static string Article(string title, string date, params string[] tags) =>
        $"---\ntitle: {title}\ndate: {date}\ntags: [{string.Join(", ", tags)}]\nsummary: About {title}.\n---\n{title} body text.";

    [Fact]
    public async Task A_rebuild_writes_every_listing_kind_with_its_content_type_and_cache_control()
    {
        var context = NewContext();
        await context.PublishArticleAsync("rivers", Article("Rivers", "2024-03-01", "Water", "geo"));
        await context.PublishArticleAsync("lakes", Article("Lakes", "2024-03-02", "water"));
        await context.PublishArticleAsync("peaks", Article("Peaks", "2024-03-03", "geo"));

        var rebuild = await context.Rebuilder.RunAsync();

        Assert.NotNull(rebuild);
        Assert.Equal(3, rebuild.Articles);
        var expected = new Dictionary<string, string>
        {
            ["index.html"] = "text/html; charset=utf-8",
            ["page/2/index.html"] = "text/html; charset=utf-8",
            ["tags/index.html"] = "text/html; charset=utf-8",
            ["tags/water/index.html"] = "text/html; charset=utf-8",
            ["tags/geo/index.html"] = "text/html; charset=utf-8",
            ["feed.xml"] = "application/atom+xml; charset=utf-8",
            ["sitemap.xml"] = "application/xml; charset=utf-8",
            ["robots.txt"] = "text/plain; charset=utf-8",
            ["404.html"] = "text/html; charset=utf-8",
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rebuild.Written.Order(StringComparer.Ordinal));
        foreach (var (path, contentType) in expected)
        {
            var properties = (await context.Pages.Blob(path).GetPropertiesAsync()).Value;
            Assert.Equal(contentType, properties.ContentType);
            Assert.Equal("public, max-age=30", properties.CacheControl);
        }

        var home = await TextAsync(context, "index.html");
        Assert.True(home.IndexOf("Peaks", StringComparison.Ordinal) < home.IndexOf("Lakes", StringComparison.Ordinal), "newest first");
        Assert.DoesNotContain("Rivers", home, StringComparison.Ordinal);
        Assert.Contains("Rivers", await TextAsync(context, "page/2/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_is_valid_atom_with_full_content_and_the_sitemap_follows_the_protocol()
    {
        var context = NewContext();
        await context.PublishArticleAsync("rivers", Article("Rivers", "2024-03-01", "geo"));
        await context.PublishArticleAsync("lakes", Article("Lakes", "2024-03-02", "geo"));
        await context.Rebuilder.RunAsync();

        using var reader = XmlReader.Create(new StringReader(await TextAsync(context, "feed.xml")));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(["Lakes", "Rivers"], feed.Items.Select(i => i.Title.Text));
        Assert.Equal("https://site.example/articles/lakes/", feed.Items.First().Id);
        Assert.Contains("Lakes body text.", ((TextSyndicationContent)feed.Items.First().Content).Text, StringComparison.Ordinal);

        var sitemap = XDocument.Parse(await TextAsync(context, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Equal(ns + "urlset", sitemap.Root!.Name);
        var locations = sitemap.Root.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Contains("https://site.example/articles/lakes/", locations);
        Assert.Contains("https://site.example/articles/rivers/", locations);
        Assert.All(sitemap.Root.Elements(ns + "url").Elements(ns + "lastmod"), lastmod => Assert.True(DateTimeOffset.TryParse(lastmod.Value, out _)));
        Assert.Contains("Sitemap: https://site.example/sitemap.xml", await TextAsync(context, "robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_rebuild_writes_nothing_and_a_change_rewrites_only_the_listings_that_show_it()
    {
        var context = NewContext();
        for (var day = 1; day <= 5; day++)
        {
            await context.PublishArticleAsync($"day-{day}", Article($"Day {day}", $"2024-03-0{day}", day % 2 == 0 ? "even" : "odd"));
        }

        await context.Rebuilder.RunAsync();
        var again = await context.Rebuilder.RunAsync();
        Assert.Empty(again!.Written);
        Assert.Empty(again.Deleted);

        // The oldest article is on the last home page, its tag's last page, the feed and (if its lastmod moved to the
        // next second) the sitemap, and nowhere else.
        await context.PublishArticleAsync("day-1", Article("Day one, renamed", "2024-03-01", "odd"));
        var changed = await context.Rebuilder.RunAsync();

        Assert.Equal(["feed.xml", "page/3/index.html", "tags/odd/page/2/index.html"], changed!.Written.Where(p => p != "sitemap.xml").Order(StringComparer.Ordinal));
        Assert.Equal(1, (await context.Pages.Blob("index.html").GetPropertiesAsync()).Value.Metadata.TryGetValue(SiteStore.WritesMetadata, out var writes) ? int.Parse(writes, System.Globalization.CultureInfo.InvariantCulture) : -1);
    }

    [Fact]
    public async Task Pages_past_the_end_and_tags_that_lose_their_last_article_are_deleted()
    {
        var context = NewContext();
        await context.PublishArticleAsync("one", Article("One", "2024-03-01", "alpha"));
        await context.PublishArticleAsync("two", Article("Two", "2024-03-02", "alpha"));
        await context.PublishArticleAsync("three", Article("Three", "2024-03-03", "beta"));
        await context.Rebuilder.RunAsync();
        Assert.True((await context.Pages.Blob("page/2/index.html").ExistsAsync()).Value);
        Assert.True((await context.Pages.Blob("tags/beta/index.html").ExistsAsync()).Value);

        // "three" moves from beta to alpha, and "one" goes away: two articles, one page, no beta.
        await context.PublishArticleAsync("three", Article("Three", "2024-03-03", "alpha"));
        await context.Unpublisher.UnpublishAsync(SlugOf("one"));
        var rebuild = await context.Rebuilder.RunAsync();

        Assert.Equal(["page/2/index.html", "tags/beta/index.html"], rebuild!.Deleted);
        Assert.False((await context.Pages.Blob("tags/beta/index.html").ExistsAsync()).Value);
        Assert.DoesNotContain("beta", await TextAsync(context, "tags/index.html"), StringComparison.Ordinal);
        Assert.Contains("Three", await TextAsync(context, "tags/alpha/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("One", await TextAsync(context, "index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_in_the_site_that_a_rebuild_did_not_write_are_left_alone()
    {
        var context = NewContext();
        await context.Pages.WriteIfChangedAsync("about/index.html", "<p>About</p>"u8.ToArray(), "x", "text/html", "no-cache");

        await context.Rebuilder.RunAsync();

        Assert.True((await context.Pages.Blob("about/index.html").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Drafts_have_no_page_and_are_never_listed_in_pages_feed_or_sitemap()
    {
        var context = NewContext();
        await context.PublishArticleAsync("public", Article("Public", "2024-03-01", "geo"));
        await context.PublishArticleAsync("secret", Article("Secret", "2024-03-02", "geo"));
        var outcome = await context.Publisher.PublishAsync(await context.UploadSourceAsync("secret.md", Article("Secret", "2024-03-02", "geo") .Replace("tags:", "draft: true\ntags:", StringComparison.Ordinal)));
        await context.Rebuilder.RunAsync();

        Assert.Equal(PublishResultKind.Draft, outcome.Kind);
        Assert.Equal(ArticleStatus.Draft, (await context.Catalog.GetAsync(SlugOf("secret")))!.Status);
        Assert.False((await context.Pages.PageBlob(SlugOf("secret")).ExistsAsync()).Value);
        foreach (var path in new[] { "index.html", "tags/geo/index.html", "feed.xml", "sitemap.xml" })
        {
            var text = await TextAsync(context, path);
            Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("public", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_article_dated_in_the_future_is_published_by_reconciliation_when_its_date_passes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var context = NewContext(time: clock);

        var outcome = await context.Publisher.PublishAsync(await context.UploadSourceAsync("soon.md", Article("Soon", "2030-01-02", "geo")));
        await context.Reconciler.ReconcileAsync();
        await context.Rebuilder.RunAsync();

        Assert.Equal(PublishResultKind.Scheduled, outcome.Kind);
        Assert.Equal(ArticleStatus.Scheduled, (await context.Catalog.GetAsync(SlugOf("soon")))!.Status);
        Assert.False((await context.Pages.PageBlob(SlugOf("soon")).ExistsAsync()).Value);
        Assert.DoesNotContain("Soon", await TextAsync(context, "index.html"), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(1));
        var reconciliation = await context.Reconciler.ReconcileAsync();
        await context.Rebuilder.RunAsync();

        Assert.Equal(["soon"], reconciliation.Published);
        Assert.Equal(ArticleStatus.Published, (await context.Catalog.GetAsync(SlugOf("soon")))!.Status);
        Assert.True((await context.Pages.PageBlob(SlugOf("soon")).ExistsAsync()).Value);
        Assert.Contains("Soon", await TextAsync(context, "index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_source_blob_directly_unpublishes_its_article_at_the_next_reconciliation()
    {
        var context = NewContext();
        await context.PublishArticleAsync("kept", Article("Kept", "2024-03-01", "geo"));
        await context.PublishArticleAsync("dropped", Article("Dropped", "2024-03-02", "geo"));
        await context.Rebuilder.RunAsync();

        await context.SourceBlob("dropped.md").DeleteAsync();
        var reconciliation = await context.Reconciler.ReconcileAsync();
        await context.Rebuilder.RunAsync();

        Assert.Equal(["dropped"], reconciliation.Unpublished);
        Assert.Null(await context.Catalog.GetAsync(SlugOf("dropped")));
        Assert.False((await context.Pages.PageBlob(SlugOf("dropped")).ExistsAsync()).Value);
        Assert.DoesNotContain("Dropped", await TextAsync(context, "index.html"), StringComparison.Ordinal);
        Assert.NotNull(await context.Catalog.GetAsync(SlugOf("kept")));
    }

    [Fact]
    public async Task A_page_deleted_behind_the_pipelines_back_is_recreated_by_reconciliation()
    {
        var context = NewContext();
        await context.PublishArticleAsync("fragile", Article("Fragile", "2024-03-01", "geo"));
        await context.Pages.PageBlob(SlugOf("fragile")).DeleteAsync();

        var reconciliation = await context.Reconciler.ReconcileAsync();

        Assert.Equal(["fragile"], reconciliation.Published);
        Assert.Contains("Fragile", (await context.Pages.PageBlob(SlugOf("fragile")).DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
        Assert.Empty((await context.Reconciler.ReconcileAsync()).Published);
    }

    [Fact]
    public async Task A_changed_site_setting_reaches_every_published_page_at_the_next_reconciliation()
    {
        var before = NewContext();
        await before.PublishArticleAsync("first", Article("First", "2024-03-01", "geo"));
        await before.PublishArticleAsync("second", Article("Second", "2024-03-02", "geo"));
        Assert.Empty((await before.Reconciler.ReconcileAsync()).Published);

        // The same storage, after a deploy that renamed the site.
        var after = new StorageTestContext(azurite, o =>
        {
            o.ArticlesContainer = before.Options.ArticlesContainer;
            o.SiteContainer = before.Options.SiteContainer;
            o.CatalogTable = before.Options.CatalogTable;
            o.SiteName = "Renamed News";
        });
        Assert.NotEqual(before.Renderer.Version, after.Renderer.Version);

        var reconciliation = await after.Reconciler.ReconcileAsync();

        Assert.Equal(["first", "second"], reconciliation.Published);
        Assert.Contains("Renamed News", (await after.Pages.PageBlob(SlugOf("first")).DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
        Assert.Empty((await after.Reconciler.ReconcileAsync()).Published);
    }

    [Fact]
    public async Task A_burst_of_changes_queues_one_rebuild_until_that_rebuild_starts()
    {
        var context = NewContext();
        var queue = context.Queues.GetQueueClient(context.Options.SiteRebuildQueue);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => context.SiteChanges.NotifyAsync([])));
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        await context.Rebuilder.RunAsync();
        await context.SiteChanges.NotifyAsync([]);
        Assert.Equal(2, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_rebuild_that_finds_another_running_queues_itself_for_later()
    {
        var context = NewContext();
        var held = await new SiteRebuildLock(context.Tables, context.Options, TimeProvider.System).TryAcquireAsync(TimeSpan.FromMinutes(1));
        Assert.NotNull(held);

        Assert.Null(await context.Rebuilder.RunAsync());

        Assert.Equal(1, (await context.Queues.GetQueueClient(context.Options.SiteRebuildQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.False((await context.Pages.Blob("index.html").ExistsAsync()).Value);
    }

    private static async Task<string> TextAsync(StorageTestContext context, string path) =>
        (await context.Pages.Blob(path).DownloadContentAsync()).Value.Content.ToString();
}
