using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Publishing;
using ContentPipeline.Storage.Sources;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Storage.Site;

/// <summary>
/// Brings the catalog and the site back in line with the sources, whatever events were missed: an article whose
/// sources were all deleted is unpublished (the blob trigger never fires for deletes), a source the catalog does not
/// describe, a published article whose page went missing or was rendered by another template, setting or build,
/// a scheduled article whose date has passed, and an article left pending or failed by a fault (not by its source) for
/// over a minute, after the host's own retries, are published. Safe to run any time and on any instance; publishing and unpublishing are idempotent.
/// </summary>
public sealed partial class SiteReconciler(
    ArticleSourceStore sources,
    ArticleCatalog catalog,
    SiteStore site,
    ArticlePublisher publisher,
    ArticleUnpublisher unpublisher,
    PageRenderer renderer,
    TimeProvider time,
    ILogger<SiteReconciler> logger)
{
    /// <summary>Runs one pass; returns what it did.</summary>
    public async Task<Reconciliation> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        // The catalog before the sources: uploads store the source before its catalog row, so every row read here
        // has its source in the listing below unless it really was deleted.
        var entries = (await catalog.ReadAllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Slug, StringComparer.Ordinal);
        var blobs = await sources.ListAsync(cancellationToken).ConfigureAwait(false);
        var pages = await site.ReadArticlePagesAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();

        var sourcesBySlug = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in blobs.Keys)
        {
            if (ArticleFormats.TryFromFileName(name, out _) && Slug.TryParse(name[..name.LastIndexOf('.')], out var slug, out _))
            {
                sourcesBySlug.TryAdd(slug.Value, []);
                sourcesBySlug[slug.Value].Add(name);
            }
        }

        var unpublished = new List<string>();
        foreach (var entry in entries.Values.Where(e => !sourcesBySlug.ContainsKey(e.Slug)))
        {
            if (Slug.TryParse(entry.Slug, out var slug, out _) && await unpublisher.UnpublishAsync(slug, cancellationToken).ConfigureAwait(false))
            {
                unpublished.Add(entry.Slug);
            }
        }

        var republished = new List<string>();
        foreach (var (slug, names) in sourcesBySlug.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var entry = entries.GetValueOrDefault(slug);
            var name = entry is not null && names.Contains(entry.SourceBlob) ? entry.SourceBlob : names.Order(StringComparer.Ordinal).First();
            if (NeedsPublishing(entry, blobs[name], pages.Contains(slug), renderer.Version, now))
            {
                await publisher.PublishAsync(sources.Blob(name), cancellationToken).ConfigureAwait(false);
                republished.Add(slug);
            }
        }

        if (unpublished.Count + republished.Count > 0)
        {
            LogReconciled(unpublished.Count, republished.Count);
        }

        return new Reconciliation(unpublished, republished);
    }

    private static bool NeedsPublishing(CatalogEntry? entry, string sourceETag, bool hasPage, string renderVersion, DateTimeOffset now) => entry switch
    {
        null => true,
        _ when !ArticleSourceStore.SameETag(entry.SourceETag, sourceETag) => entry.Status != ArticleStatus.Pending || entry.UpdatedAt < now.AddMinutes(-1),
        { Status: ArticleStatus.Published } => !hasPage || entry.RenderVersion != renderVersion,
        { Status: ArticleStatus.Scheduled, Date: { } date } => date <= now,
        { Status: ArticleStatus.Pending } => entry.UpdatedAt < now.AddMinutes(-1),
        { Status: ArticleStatus.Failed, Retryable: true } => entry.UpdatedAt < now.AddMinutes(-1),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled the site with the sources: {Unpublished} unpublished, {Published} published again")]
    private partial void LogReconciled(int unpublished, int published);
}

/// <summary>What a reconciliation pass did.</summary>
public sealed record Reconciliation(IReadOnlyList<string> Unpublished, IReadOnlyList<string> Published);
