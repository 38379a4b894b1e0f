using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ContentPipeline.Storage.Cdn;
using ContentPipeline.Core;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Site;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Ingest;
using ContentPipeline.Storage.Site;
using ContentPipeline.Storage.Publishing;
using ContentPipeline.Storage.Sources;
using ContentPipeline.Storage.Views;
using ContentPipeline.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContentPipeline.Storage.Tests;

/// <summary>The storage services wired to a real Azurite, with containers and a table of their own per test.</summary>
internal sealed class StorageTestContext
{
    private static readonly ArticleParser Parser = new();

    public StorageTestContext(AzuriteFixture azurite, Action<ContentPipelineOptions>? configure = null, ViewCounterOptions? viewOptions = null, TimeProvider? time = null)
    {
        Options = new ContentPipelineOptions
        {
            ArticlesContainer = TestNames.Container("articles"),
            SiteContainer = TestNames.Container("web"),
            CatalogTable = TestNames.Table("articles"),
            ViewsTable = TestNames.Table("views"),
            SiteRebuildQueue = TestNames.Queue("rebuilds"),
            SiteBaseUrl = new Uri("https://site.example/"),
            PageCacheControl = "public, max-age=60",
        };
        configure?.Invoke(Options);
        Blobs = new BlobServiceClient(azurite.ConnectionString);
        Tables = new TableServiceClient(azurite.ConnectionString);
        Sources = new ArticleSourceStore(Blobs, Options);
        Pages = new SiteStore(Blobs, Options, new SiteAssets());
        Catalog = new ArticleCatalog(Tables, Options);
        Time = time ?? TimeProvider.System;
        Queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var templates = new SiteTemplates(Options);
        var siteModel = new SiteModel(Options, new SiteAssets());
        RebuildRequests = new SiteRebuildRequests(Tables, Queues, Options, Time);
        SiteChanges = new SiteChangeNotifier(RebuildRequests, new NoCdnPurger());
        Renderer = new PageRenderer(templates, siteModel);
        Publisher = new ArticlePublisher(Parser, Renderer, Pages, Catalog, SiteChanges, Time, NullLogger<ArticlePublisher>.Instance);
        Ingestor = new ArticleIngestor(Parser, Sources, Catalog, Time);
        ViewOptions = viewOptions ?? new ViewCounterOptions();
        ViewTable = new ViewCounterTable(new TableServiceClient(azurite.ConnectionString, ViewCounterTable.ClientOptions()), Options);
        Compactor = new ViewCompactor(ViewTable, ViewOptions, TimeProvider.System);
        Views = new ViewCounter(
            new CountableArticles(Catalog, ViewOptions, TimeProvider.System),
            new ViewCommitter(ViewTable, Compactor, ViewOptions, TimeProvider.System, NullLogger<ViewCommitter>.Instance),
            ViewTable,
            Catalog);
        Unpublisher = new ArticleUnpublisher(Sources, Pages, Views, Catalog, SiteChanges, NullLogger<ArticleUnpublisher>.Instance);
        Builder = new SiteBuilder(Catalog, new SiteListing(templates, siteModel, Options), new FeedBodies(Sources, Parser), Pages, new NoCdnPurger(), NullLogger<SiteBuilder>.Instance);
        Rebuilder = new SiteRebuilder(new SiteRebuildLock(Tables, Options, Time), RebuildRequests, Builder, NullLogger<SiteRebuilder>.Instance);
        Reconciler = new SiteReconciler(Sources, Catalog, Pages, Publisher, Unpublisher, Renderer, Time, NullLogger<SiteReconciler>.Instance);
    }

    public TimeProvider Time { get; }

    public PageRenderer Renderer { get; }

    public QueueServiceClient Queues { get; }

    public SiteRebuildRequests RebuildRequests { get; }

    public ISiteChangeNotifier SiteChanges { get; }

    public SiteBuilder Builder { get; }

    public SiteRebuilder Rebuilder { get; }

    public SiteReconciler Reconciler { get; }

    public ViewCounterOptions ViewOptions { get; }

    public ViewCounterTable ViewTable { get; }

    public ViewCompactor Compactor { get; }

    public ViewCounter Views { get; }

    public ArticleUnpublisher Unpublisher { get; }

    /// <summary>Every row of <paramref name="slug"/>'s view counter, straight from the table.</summary>
    public async Task<List<TableEntity>> ViewRowsAsync(string slug)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Tables.GetTableClient(Options.ViewsTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No table: no rows.
        }

        return rows;
    }

    /// <summary>Publishes a small article named <paramref name="slug"/> from a Markdown source.</summary>
    public async Task PublishArticleAsync(string slug, string markdown = "# Article\n\nText.")
    {
        var outcome = await Publisher.PublishAsync(await UploadSourceAsync(slug + ".md", markdown));
        if (outcome.Kind != PublishResultKind.Published)
        {
            throw new InvalidOperationException($"{slug} did not publish: {outcome}");
        }
    }

    public ContentPipelineOptions Options { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public ArticleSourceStore Sources { get; }

    public SiteStore Pages { get; }

    public ArticleCatalog Catalog { get; }

    public ArticlePublisher Publisher { get; }

    public ArticleIngestor Ingestor { get; }

    public BlobContainerClient ArticlesContainer => Blobs.GetBlobContainerClient(Options.ArticlesContainer);

    public BlobClient SourceBlob(string name) => ArticlesContainer.GetBlobClient(name);

    public static Slug SlugOf(string text) => Slug.TryParse(text, out var slug, out var error) ? slug : throw new ArgumentException(error);

    /// <summary>Writes a source straight into the articles container, as an editor with Storage Explorer would.</summary>
    public async Task<BlobClient> UploadSourceAsync(string name, string content)
    {
        await ArticlesContainer.CreateIfNotExistsAsync();
        var blob = SourceBlob(name);
        await blob.UploadAsync(BinaryData.FromString(content), overwrite: true);
        return blob;
    }

    public Task<IngestResult> IngestAsync(string markdown, string? slug = null, bool overwrite = false) =>
        Ingestor.IngestAsync(new ArticleUpload(Encoding.UTF8.GetBytes(markdown), ArticleFormat.Markdown, ""), slug is null ? null : SlugOf(slug), overwrite);
}
