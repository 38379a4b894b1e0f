using Azure;
using Microsoft.Extensions.Time.Testing;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Site;
using ContentPipeline.Storage.Publishing;
using ContentPipeline.Testing;
using static ContentPipeline.Storage.Tests.StorageTestContext;

namespace ContentPipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ArticlePublisherAzuriteTests(AzuriteFixture azurite)
{
    private const string Article = "---\ntitle: Deltas\ndate: 2024-05-02\ntags: [geo, water]\nauthor: Ana\n---\nDeltas form where rivers slow.";

    [Fact]
    public async Task Publishing_writes_the_page_with_headers_and_hash_then_the_catalog_row()
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync("deltas.md", Article);

        var outcome = await context.Publisher.PublishAsync(source);

        Assert.Equal(new PublishOutcome(PublishResultKind.Published, "deltas", PageWritten: true), outcome);
        var page = context.Pages.PageBlob(SlugOf("deltas"));
        var properties = (await page.GetPropertiesAsync()).Value;
        Assert.Equal("text/html; charset=utf-8", properties.ContentType);
        Assert.Equal("public, max-age=60", properties.CacheControl);
        var bytes = (await page.DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), properties.Metadata[SiteStore.ContentHashMetadata]);
        Assert.Contains("<h1>Deltas</h1>", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        var entry = await context.Catalog.GetAsync(SlugOf("deltas"));
        Assert.NotNull(entry);
        Assert.Equal(ArticleStatus.Published, entry.Status);
        Assert.Equal("Deltas", entry.Title);
        Assert.Equal(["geo", "water"], entry.Tags);
        Assert.Equal("Ana", entry.Author);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero), entry.Date);
        Assert.Equal("deltas.md", entry.SourceBlob);
        Assert.Equal(properties.Metadata[SiteStore.ContentHashMetadata], entry.ContentHash);
        Assert.Equal((await source.GetPropertiesAsync()).Value.ETag.ToString(), entry.SourceETag);
        Assert.NotNull(entry.PublishedAt);
        Assert.Null(entry.Error);
    }

    [Fact]
    public async Task Every_asset_a_published_page_links_is_in_the_site_with_immutable_caching()
    {
        var context = new StorageTestContext(azurite);
        await context.Publisher.PublishAsync(await context.UploadSourceAsync("deltas.md", Article));

        var html = (await context.Pages.PageBlob(SlugOf("deltas")).DownloadContentAsync()).Value.Content.ToString();
        var linked = System.Text.RegularExpressions.Regex.Matches(html, "https://site\\.example/(assets/[^\"]+)").Select(m => m.Groups[1].Value).ToList();

        // The stylesheet, the view beacon and the site icon.
        Assert.Equal(3, linked.Distinct().Count());
        foreach (var path in linked)
        {
            var properties = (await context.Pages.Blob(path).GetPropertiesAsync()).Value;
            Assert.Equal("public, max-age=31536000, immutable", properties.CacheControl);
            Assert.Equal(Path.GetExtension(path) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                var other => $"no content type expected for {other}",
            }, properties.ContentType);
        }
    }

    [Fact]
    public async Task Publishing_same_source_twice_does_not_rewrite_page_or_catalog()
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync("deltas.md", Article);
        await context.Publisher.PublishAsync(source);
        var page = context.Pages.PageBlob(SlugOf("deltas"));
        var pageETag = (await page.GetPropertiesAsync()).Value.ETag;
        var rowETag = (await context.Tables.GetTableClient(context.Options.CatalogTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("article", "deltas")).Value.ETag;

        var replay = await context.Publisher.PublishAsync(source);

        Assert.Equal(PublishResultKind.Published, replay.Kind);
        Assert.False(replay.PageWritten);
        Assert.Equal(pageETag, (await page.GetPropertiesAsync()).Value.ETag);
        Assert.Equal(rowETag, (await context.Tables.GetTableClient(context.Options.CatalogTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("article", "deltas")).Value.ETag);
    }

    [Fact]
    public async Task A_changed_source_rewrites_the_page_and_updates_the_catalog()
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync("deltas.md", Article);
        await context.Publisher.PublishAsync(source);

        await context.UploadSourceAsync("deltas.md", Article.Replace("title: Deltas", "title: River Deltas", StringComparison.Ordinal));
        var outcome = await context.Publisher.PublishAsync(source);

        Assert.True(outcome.PageWritten);
        Assert.Equal("River Deltas", (await context.Catalog.GetAsync(SlugOf("deltas")))!.Title);
        Assert.Contains("<h1>River Deltas</h1>", (await context.Pages.PageBlob(SlugOf("deltas")).DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_cannot_be_parsed_is_kept_and_recorded_as_failed_with_its_line()
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync("broken.md", "---\ntitle: Broken\ndate: tomorrow\n---\nBody");

        var outcome = await context.Publisher.PublishAsync(source);

        Assert.Equal(PublishResultKind.Failed, outcome.Kind);
        Assert.Equal(3, outcome.Error!.Line);
        Assert.True((await source.ExistsAsync()).Value);
        Assert.False((await context.Pages.PageBlob(SlugOf("broken")).ExistsAsync()).Value);
        var entry = await context.Catalog.GetAsync(SlugOf("broken"));
        Assert.Equal(ArticleStatus.Failed, entry!.Status);
        Assert.Contains("Line 3", entry.Error, StringComparison.Ordinal);
        Assert.Contains("tomorrow", entry.Error, StringComparison.Ordinal);
        Assert.False(entry.Retryable, "A source that cannot be parsed fails the same way every time.");
    }

    [Fact]
    public async Task A_broken_new_version_keeps_the_old_page_up_and_a_fixed_one_clears_the_error()
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync("deltas.md", Article);
        await context.Publisher.PublishAsync(source);
        var page = context.Pages.PageBlob(SlugOf("deltas"));
        var publishedPage = (await page.DownloadContentAsync()).Value.Content.ToString();

        await context.UploadSourceAsync("deltas.md", "---\ntitle: [unclosed\n---\nBody");
        var failed = await context.Publisher.PublishAsync(source);

        Assert.Equal(PublishResultKind.Failed, failed.Kind);
        Assert.Equal(publishedPage, (await page.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(ArticleStatus.Failed, (await context.Catalog.GetAsync(SlugOf("deltas")))!.Status);

        await context.UploadSourceAsync("deltas.md", Article + "\n\nFixed.");
        await context.Publisher.PublishAsync(source);

        var entry = await context.Catalog.GetAsync(SlugOf("deltas"));
        Assert.Equal(ArticleStatus.Published, entry!.Status);
        Assert.Null(entry.Error);
    }

    [Theory]
    [InlineData("Not A Slug.md")]
    [InlineData("nested/folder.md")]
    [InlineData("UPPER.md")]
    public async Task A_blob_whose_name_is_not_a_slug_is_rejected_and_recorded(string blobName)
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync(blobName, "# Title\n\nBody");

        var outcome = await context.Publisher.PublishAsync(source);

        Assert.Equal(PublishResultKind.Rejected, outcome.Kind);
        Assert.Contains("does not make a valid slug", outcome.Error!.Message, StringComparison.Ordinal);
        var rejected = context.Tables.GetTableClient(context.Options.CatalogTable)
            .QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"rejected"}"));
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in rejected)
        {
            rows.Add(row);
        }

        var only = Assert.Single(rows);
        Assert.Equal(blobName, only.GetString("SourceBlob"));
        Assert.True((await source.ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_blob_that_is_not_an_article_is_ignored()
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync("photo.png", "not an article");

        var outcome = await context.Publisher.PublishAsync(source);

        Assert.Equal(PublishResultKind.Ignored, outcome.Kind);
        Assert.Empty((await context.Catalog.ListAsync(10, null)).Entries);
    }

    [Fact]
    public async Task A_source_deleted_before_its_trigger_runs_is_skipped()
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync("gone.md", Article);
        await source.DeleteAsync();

        var outcome = await context.Publisher.PublishAsync(source);

        Assert.Equal(PublishResultKind.SourceMissing, outcome.Kind);
        Assert.Null(await context.Catalog.GetAsync(SlugOf("gone")));
    }

    [Fact]
    public async Task A_front_matter_slug_that_disagrees_with_the_file_name_fails_with_a_fix()
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync("one-name.md", "---\ntitle: T\nslug: other-name\n---\nBody");

        var outcome = await context.Publisher.PublishAsync(source);

        Assert.Equal(PublishResultKind.Failed, outcome.Kind);
        Assert.Contains("rename the file to 'other-name.md'", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_for_an_older_source_than_the_catalog_knows_is_superseded()
    {
        var context = new StorageTestContext(azurite);
        var source = await context.UploadSourceAsync("deltas.md", Article);
        await context.Catalog.UpdateAsync(SlugOf("deltas"), _ => new CatalogEntry
        {
            Slug = "deltas",
            Title = "Newer",
            Status = ArticleStatus.Pending,
            SourceBlob = "deltas.html",
            SourceETag = "\"newer\"",
            SourceLastModified = DateTimeOffset.UtcNow.AddMinutes(5),
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        });

        var outcome = await context.Publisher.PublishAsync(source);

        Assert.Equal(PublishResultKind.Superseded, outcome.Kind);
        Assert.Equal("Newer", (await context.Catalog.GetAsync(SlugOf("deltas")))!.Title);
        Assert.False((await context.Pages.PageBlob(SlugOf("deltas")).ExistsAsync()).Value);
    }

    [Fact]
    public async Task An_unexpected_storage_failure_is_recorded_then_surfaces_to_the_host()
    {
        // An invalid site container name makes the page write fail with a 400 the publisher does not expect.
        var context = new StorageTestContext(azurite, options => options.SiteContainer = "Invalid_Container");
        var source = await context.UploadSourceAsync("deltas.md", Article);

        await Assert.ThrowsAsync<RequestFailedException>(() => context.Publisher.PublishAsync(source));

        var entry = await context.Catalog.GetAsync(SlugOf("deltas"));
        Assert.Equal(ArticleStatus.Failed, entry!.Status);
        Assert.Contains("will be retried", entry.Error, StringComparison.Ordinal);
        Assert.True(entry.Retryable);
        Assert.True((await source.ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_failure_left_by_a_fault_is_published_by_reconciliation_once_the_host_has_had_its_retries()
    {
        var broken = new StorageTestContext(azurite, options => options.SiteContainer = "Invalid_Container");
        var source = await broken.UploadSourceAsync("deltas.md", Article);
        await Assert.ThrowsAsync<RequestFailedException>(() => broken.Publisher.PublishAsync(source));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var mended = new StorageTestContext(
            azurite,
            options =>
            {
                options.ArticlesContainer = broken.Options.ArticlesContainer;
                options.CatalogTable = broken.Options.CatalogTable;
            },
            time: clock);

        var tooSoon = await mended.Reconciler.ReconcileAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        var later = await mended.Reconciler.ReconcileAsync();

        Assert.Empty(tooSoon.Published);
        Assert.Equal(["deltas"], later.Published);
        var entry = await mended.Catalog.GetAsync(SlugOf("deltas"));
        Assert.Equal(ArticleStatus.Published, entry!.Status);
        Assert.Null(entry.Error);
        Assert.False(entry.Retryable);
        Assert.True((await mended.Pages.PageBlob(SlugOf("deltas")).ExistsAsync()).Value);
    }
}
