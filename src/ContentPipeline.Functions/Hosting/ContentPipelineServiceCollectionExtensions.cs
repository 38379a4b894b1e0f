using ContentPipeline.Core;
using ContentPipeline.Core.Parsing;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Sanitizing;
using ContentPipeline.Core.Site;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage;
using Azure.Core;
using Azure.Identity;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Cdn;
using ContentPipeline.Storage.Ingest;
using ContentPipeline.Storage.Site;
using ContentPipeline.Storage.Publishing;
using ContentPipeline.Storage.Sources;
using ContentPipeline.Storage.Views;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Functions.Hosting;

/// <summary>Registers the content pipeline: options, storage clients, and the core and storage services.</summary>
public static class ContentPipelineServiceCollectionExtensions
{
    /// <summary>The app setting that names the storage account, as for the Functions host itself.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    public static IServiceCollection AddContentPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentPipelineOptions>()
            .BindConfiguration(ContentPipelineOptions.SectionName)
            .Validate(o => o.MaxUploadBytes > 0, "ContentPipeline:MaxUploadBytes must be a positive number of bytes.")
            .Validate(o => o.SiteBaseUrl.IsAbsoluteUri, "ContentPipeline:SiteBaseUrl must be an absolute URL such as https://www.example.com/.")
            .Validate(o => o.ListPageSize > 0, "ContentPipeline:ListPageSize must be a positive number of articles.")
            .Validate(o => o.FeedSize > 0, "ContentPipeline:FeedSize must be a positive number of articles.")
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "ContentPipeline:ApiBaseUrl must be an absolute URL such as https://my-app.azurewebsites.net/api/.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ContentPipelineOptions>>().Value);
        services.AddSingleton(TimeProvider.System);

        // Long-lived clients: one connection pool for the app's lifetime.
        services.AddSingleton(_ => StorageClients.CreateBlobServiceClient(configuration, StorageConnection));
        services.AddSingleton(_ => StorageClients.CreateTableServiceClient(configuration, StorageConnection));
        services.AddSingleton(_ => StorageClients.CreateQueueServiceClient(configuration, StorageConnection));

        services.AddSingleton<HtmlFragmentSanitizer>();
        services.AddSingleton<ArticleParser>();
        services.AddSingleton<SiteAssets>();
        services.AddSingleton<SiteTemplates>();
        services.AddSingleton<SiteModel>();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<ArticleSourceStore>();
        services.AddSingleton<SiteStore>();
        services.AddSingleton<ArticleCatalog>();
        services.AddSingleton<ArticlePublisher>();
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<ArticleUnpublisher>();
        AddSite(services);

        services.AddOptions<ViewCounterOptions>()
            .BindConfiguration(ViewCounterOptions.SectionName)
            .Validate(o => o.CompactionAge > ViewCounterTable.MaxWriteWindow, $"ContentPipeline:Views:CompactionAge must be longer than {ViewCounterTable.MaxWriteWindow.TotalSeconds} s, the longest a view write can be retried; otherwise a retried write could be counted twice.")
            .Validate(o => o.CompactionThreshold > 0, "ContentPipeline:Views:CompactionThreshold must be a positive number of delta rows.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ViewCounterOptions>>().Value);

        // Its own client: the counter's retries must stay within ViewCounterTable.MaxWriteWindow.
        services.AddSingleton(sp => new ViewCounterTable(
            StorageClients.CreateTableServiceClient(configuration, StorageConnection, ViewCounterTable.ClientOptions()),
            sp.GetRequiredService<ContentPipelineOptions>()));
        services.AddSingleton<CountableArticles>();
        services.AddSingleton<ViewCompactor>();
        services.AddSingleton<ViewCommitter>();
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<ViewMaintenance>();
        services.AddSingleton<UploadReader>();
        return services;
    }

    private static void AddSite(IServiceCollection services)
    {
        services.AddSingleton<SiteListing>();
        services.AddSingleton<FeedBodies>();
        services.AddSingleton<SiteBuilder>();
        services.AddSingleton<SiteRebuildRequests>();
        services.AddSingleton<SiteRebuildLock>();
        services.AddSingleton<SiteRebuilder>();
        services.AddSingleton<SiteReconciler>();
        services.AddSingleton<ISiteChangeNotifier, SiteChangeNotifier>();

        services.AddOptions<CdnOptions>()
            .BindConfiguration(CdnOptions.SectionName)
            .Validate(o => !o.PurgeEnabled || o.IsComplete, "ContentPipeline:Cdn:PurgeEnabled needs ContentPipeline:Cdn:SubscriptionId, ResourceGroup, ProfileName and EndpointName.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CdnOptions>>().Value);
        services.AddSingleton<ICdnPurger>(sp =>
        {
            var cdn = sp.GetRequiredService<CdnOptions>();
            if (!cdn.PurgeEnabled)
            {
                return new NoCdnPurger();
            }

            TokenCredential credential = cdn.ClientId is { Length: > 0 } clientId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : new DefaultAzureCredential();
            return new FrontDoorPurger(FrontDoorPurger.CreatePipeline(credential), cdn, sp.GetRequiredService<ILogger<FrontDoorPurger>>());
        });
    }
}
