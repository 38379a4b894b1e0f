using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Storage.Views;

/// <summary>
/// The periodic sweep of the counters: compacts every article with deltas old enough to fold in, and removes the
/// rows of articles the catalog no longer has (a view that raced the article's deletion on another instance).
/// </summary>
public sealed partial class ViewMaintenance(ViewCounterTable table, ViewCompactor compactor, ViewCounter views, ArticleCatalog catalog, ViewCounterOptions options, TimeProvider time, ILogger<ViewMaintenance> logger)
{
    /// <summary>Runs one sweep; returns how many counters it compacted and how many orphans it removed.</summary>
    public async Task<(int Compacted, int Removed)> SweepAsync(CancellationToken cancellationToken = default)
    {
        var slugs = await table.FindSlugsWithDeltasBeforeAsync(time.GetUtcNow() - options.CompactionAge, cancellationToken).ConfigureAwait(false);
        int compacted = 0, removed = 0;
        foreach (var slugText in slugs.Order(StringComparer.Ordinal))
        {
            if (!Slug.TryParse(slugText, out var slug, out _))
            {
                continue;
            }

            if (await catalog.GetAsync(slug, cancellationToken).ConfigureAwait(false) is null)
            {
                await views.DeleteAsync(slug, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            else if (await compactor.CompactAsync(slug.Value, cancellationToken).ConfigureAwait(false) > 0)
            {
                compacted++;
            }
        }

        LogSwept(compacted, removed);
        return (compacted, removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "View counter sweep: {Compacted} compacted, {Removed} orphaned counters removed")]
    private partial void LogSwept(int compacted, int removed);
}
