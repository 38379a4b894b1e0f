using ContentPipeline.Storage.Site;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Site;

/// <summary>
/// Every minute: publishes scheduled articles whose date has passed, reconciles the catalog and the site with the
/// sources (deleted blobs, missed events, missing pages), then rebuilds the listings, so the site converges even if
/// a rebuild request was lost.
/// </summary>
public sealed class MaintainSite(SiteReconciler reconciler, SiteRebuilder rebuilder)
{
    [Function(nameof(MaintainSite))]
    public async Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await reconciler.ReconcileAsync(cancellationToken);
        await rebuilder.RunAsync(cancellationToken);
    }
}
