using ContentPipeline.Core;
using ContentPipeline.Storage.Site;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Site;

/// <summary>
/// Rebuilds the listings (home, tags, feed, sitemap) when asked. Requests are coalesced: a burst of uploads queues a
/// handful of these, each delayed a little, not one per article.
/// </summary>
public sealed class RebuildSite(SiteRebuilder rebuilder)
{
    [Function(nameof(RebuildSite))]
    public async Task Run(
        [QueueTrigger(ContentPipelineOptions.DefaultSiteRebuildQueue, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        await rebuilder.RunAsync(cancellationToken);
}
