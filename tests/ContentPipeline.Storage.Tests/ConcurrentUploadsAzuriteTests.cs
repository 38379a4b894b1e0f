using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Ingest;
using ContentPipeline.Storage.Sources;
using ContentPipeline.Testing;
using static ContentPipeline.Storage.Tests.StorageTestContext;

namespace ContentPipeline.Storage.Tests;

/// <summary>
/// Many clients writing one slug at once. Each upload is followed by its own trigger run, all in parallel, as the
/// host runs them; whatever the interleaving, one version must win everywhere: source, page and catalog.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentUploadsAzuriteTests(AzuriteFixture azurite)
{
    private const int Clients = 10;
    private const int Rounds = 5;

    [Fact]
    public async Task Ten_puts_of_one_slug_at_once_end_as_one_version_in_source_page_and_catalog()
    {
        var context = new StorageTestContext(azurite);
        for (var round = 1; round <= Rounds; round++)
        {
            var slug = $"contested-{round}";
            using var start = new ManualResetEventSlim();
            var clients = Enumerable.Range(1, Clients).Select(client => Task.Run(async () =>
            {
                start.Wait();
                var result = await context.IngestAsync(Version(round, client), slug);
                Assert.Equal(IngestResultKind.Accepted, result.Kind);
                await context.Publisher.PublishAsync(context.SourceBlob(slug + ".md"));
            })).ToList();
            start.Set();
            await Task.WhenAll(clients);

            await AssertOneVersionEverywhereAsync(context, slug);
        }
    }

    [Fact]
    public async Task Ten_posts_of_different_articles_to_one_slug_accept_exactly_one()
    {
        var context = new StorageTestContext(azurite);
        for (var round = 1; round <= Rounds; round++)
        {
            var slug = $"claimed-{round}";
            using var start = new ManualResetEventSlim();
            var clients = Enumerable.Range(1, Clients).Select(client => Task.Run(async () =>
            {
                start.Wait();
                return (Client: client, Result: await context.IngestAsync($"---\nslug: {slug}\n---\n{Version(round, client)}"));
            })).ToList();
            start.Set();
            var results = await Task.WhenAll(clients);

            var accepted = Assert.Single(results, r => r.Result.Kind == IngestResultKind.Accepted);
            Assert.All(results.Where(r => r != accepted), r => Assert.Equal(IngestResultKind.Conflict, r.Result.Kind));
            var source = (await context.SourceBlob(slug + ".md").DownloadContentAsync()).Value.Content.ToString();
            Assert.Contains($"Body of version {round}.{accepted.Client}.", source, StringComparison.Ordinal);
            var entry = await context.Catalog.GetAsync(SlugOf(slug));
            Assert.Equal($"Version {round}.{accepted.Client}", entry!.Title);
        }
    }

    private static string Version(int round, int client) => $"# Version {round}.{client}\n\nBody of version {round}.{client}.\n";

    private static async Task AssertOneVersionEverywhereAsync(StorageTestContext context, string slug)
    {
        var source = (await context.SourceBlob(slug + ".md").DownloadContentAsync()).Value;
        var winner = source.Content.ToString().Split('\n')[0]["# ".Length..];
        var entry = await context.Catalog.GetAsync(SlugOf(slug));
        var page = (await context.Pages.PageBlob(SlugOf(slug)).DownloadContentAsync()).Value.Content.ToString();

        Assert.NotNull(entry);
        Assert.Equal(ArticleStatus.Published, entry.Status);
        Assert.True(ArticleSourceStore.SameETag(source.Details.ETag.ToString(), entry.SourceETag), $"The catalog describes {entry.SourceETag}, the source is {source.Details.ETag}.");
        Assert.Equal(winner, entry.Title);
        Assert.Equal(ArticleSourceStore.HashOf(source.Content.ToMemory().Span), entry.SourceHash);
        Assert.Contains($"<h1>{winner}</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"Body of {winner.ToLowerInvariant()}.", page, StringComparison.Ordinal);
    }
}
