using ContentPipeline.Storage.Cdn;

namespace ContentPipeline.Storage.Site;

/// <summary>Purges changed article pages from the CDN and asks for a (coalesced) rebuild of the listings.</summary>
public sealed class SiteChangeNotifier(SiteRebuildRequests rebuilds, ICdnPurger cdn) : ISiteChangeNotifier
{
    /// <inheritdoc />
    public async Task NotifyAsync(IReadOnlyCollection<string> changedPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changedPaths);
        if (changedPaths.Count > 0)
        {
            await cdn.PurgeAsync(changedPaths, cancellationToken).ConfigureAwait(false);
        }

        await rebuilds.RequestAsync(cancellationToken).ConfigureAwait(false);
    }
}
