using Microsoft.Extensions.Logging;

namespace ContentPipeline.Storage.Site;

/// <summary>Runs a listing rebuild when asked, one at a time across instances.</summary>
public sealed partial class SiteRebuilder(SiteRebuildLock rebuildLock, SiteRebuildRequests requests, SiteBuilder builder, ILogger<SiteRebuilder> logger)
{
    // Far longer than a rebuild takes; only matters when a holder crashed.
    private static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Rebuilds the listings, or, when another rebuild is running, queues one for after it (that one may have read
    /// the catalog before the change that asked for this one). Null when it deferred.
    /// </summary>
    public async Task<SiteRebuild?> RunAsync(CancellationToken cancellationToken = default)
    {
        if (await rebuildLock.TryAcquireAsync(LockDuration, cancellationToken).ConfigureAwait(false) is not { } token)
        {
            LogDeferred();
            await requests.EnqueueAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        try
        {
            // Before reading the catalog: a change from now on asks for the next rebuild instead of being missed.
            await requests.ClearAsync(cancellationToken).ConfigureAwait(false);
            return await builder.RebuildAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await rebuildLock.ReleaseAsync(token, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another listing rebuild is running; queued one for after it")]
    private partial void LogDeferred();
}
