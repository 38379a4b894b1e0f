using System.Text;
using ContentPipeline.Core.Articles;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Ingest;
using ContentPipeline.Storage.Sources;
using ContentPipeline.Testing;
using static ContentPipeline.Storage.Tests.StorageTestContext;

namespace ContentPipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ArticleIngestorAzuriteTests(AzuriteFixture azurite)
{
    private const string Article = "---\ntitle: Night Trains\ndate: 2024-02-03\ntags: rail, travel\n---\nVienna to Hamburg overnight.";

    [Fact]
    public async Task Ingest_stores_the_source_and_records_it_pending_without_rendering()
    {
        var context = new StorageTestContext(azurite);

        var result = await context.IngestAsync(Article, "night-trains");

        Assert.Equal(new IngestResult(IngestResultKind.Accepted, "night-trains", ArticleStatus.Pending), result);
        var source = (await context.SourceBlob("night-trains.md").GetPropertiesAsync()).Value;
        Assert.Equal("text/markdown; charset=utf-8", source.ContentType);
        Assert.Equal(ArticleSourceStore.HashOf(Encoding.UTF8.GetBytes(Article)), source.Metadata[ArticleSourceStore.SourceHashMetadata]);
        var entry = await context.Catalog.GetAsync(SlugOf("night-trains"));
        Assert.Equal(ArticleStatus.Pending, entry!.Status);
        Assert.Equal("Night Trains", entry.Title);
        Assert.Equal(["rail", "travel"], entry.Tags);
        Assert.Equal(source.ETag.ToString(), entry.SourceETag);
        Assert.False((await context.Pages.PageBlob(SlugOf("night-trains")).ExistsAsync()).Value);
    }

    [Fact]
    public async Task Reingesting_the_same_bytes_does_not_rewrite_the_source_or_downgrade_a_published_article()
    {
        var context = new StorageTestContext(azurite);
        await context.IngestAsync(Article, "night-trains");
        var source = context.SourceBlob("night-trains.md");
        var etag = (await source.GetPropertiesAsync()).Value.ETag;
        await context.Publisher.PublishAsync(source);

        var again = await context.IngestAsync(Article, "night-trains");

        Assert.Equal(ArticleStatus.Published, again.Status);
        Assert.Equal(etag, (await source.GetPropertiesAsync()).Value.ETag);
        Assert.Equal(ArticleStatus.Published, (await context.Catalog.GetAsync(SlugOf("night-trains")))!.Status);
    }

    [Fact]
    public async Task Invalid_sources_are_refused_before_anything_is_stored()
    {
        var context = new StorageTestContext(azurite);

        var result = await context.IngestAsync("---\ntitle: T\ntags: 5\n---\nBody", "bad-tags");

        Assert.Equal(IngestResultKind.Invalid, result.Kind);
        Assert.Equal(3, result.Error!.Line);
        Assert.False((await context.ArticlesContainer.ExistsAsync()).Value && (await context.SourceBlob("bad-tags.md").ExistsAsync()).Value);
        Assert.Null(await context.Catalog.GetAsync(SlugOf("bad-tags")));
    }

    [Fact]
    public async Task Without_a_slug_the_front_matter_slug_or_the_title_names_the_article()
    {
        var context = new StorageTestContext(azurite);

        var fromTitle = await context.IngestAsync("# Café déjà vu\n\nBody");
        var fromFrontMatter = await context.IngestAsync("---\ntitle: Whatever\nslug: chosen-slug\n---\nBody");

        Assert.Equal("cafe-deja-vu", fromTitle.Slug);
        Assert.Equal("chosen-slug", fromFrontMatter.Slug);
        Assert.True((await context.SourceBlob("cafe-deja-vu.md").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Creating_over_a_different_article_conflicts_unless_overwrite_is_asked_for()
    {
        var context = new StorageTestContext(azurite);
        await context.IngestAsync("# Same Title\n\nFirst article.");

        var conflict = await context.IngestAsync("# Same Title\n\nA different article.");
        var repeat = await context.IngestAsync("# Same Title\n\nFirst article.");
        var overwritten = await context.IngestAsync("# Same Title\n\nA different article.", overwrite: true);

        Assert.Equal(IngestResultKind.Conflict, conflict.Kind);
        Assert.Contains("already belongs to the article 'Same Title'", conflict.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(IngestResultKind.Accepted, repeat.Kind);
        Assert.Equal(IngestResultKind.Accepted, overwritten.Kind);
        Assert.Contains("A different article.", (await context.SourceBlob("same-title.md").DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_format_for_the_same_slug_replaces_the_old_source()
    {
        var context = new StorageTestContext(azurite);
        await context.IngestAsync(Article, "night-trains");

        var result = await context.Ingestor.IngestAsync(
            new ArticleUpload(Encoding.UTF8.GetBytes("Night Trains\n\nNow as text."), ArticleFormat.PlainText, "night-trains.txt"), SlugOf("night-trains"), overwrite: true);

        Assert.Equal(IngestResultKind.Accepted, result.Kind);
        Assert.True((await context.SourceBlob("night-trains.txt").ExistsAsync()).Value);
        Assert.False((await context.SourceBlob("night-trains.md").ExistsAsync()).Value);
        Assert.Equal("night-trains.txt", (await context.Catalog.GetAsync(SlugOf("night-trains")))!.SourceBlob);
    }

    [Fact]
    public async Task Put_with_a_front_matter_slug_that_disagrees_with_the_url_is_refused()
    {
        var context = new StorageTestContext(azurite);

        var result = await context.IngestAsync("---\ntitle: T\nslug: other\n---\nBody", "this-one");

        Assert.Equal(IngestResultKind.Invalid, result.Kind);
        Assert.Contains("make them the same", result.Error!.Message, StringComparison.Ordinal);
    }
}
