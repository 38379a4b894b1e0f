using ContentPipeline.Core.Site;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Storage.Site;

/// <summary>
/// Rebuilds the site's listings (home, tags, feed, sitemap, robots.txt, 404) from the catalog: plans every file,
/// writes only those whose bytes changed, deletes those no longer planned (a tag that lost its last article, a
/// page past the end), and purges what changed from the CDN. Converges: running it again changes nothing.
/// </summary>
public sealed partial class SiteBuilder(
    ArticleCatalog catalog,
    SiteListing listing,
    FeedBodies feedBodies,
    SiteStore site,
    Cdn.ICdnPurger cdn,
    ILogger<SiteBuilder> logger)
{
    /// <summary>Rebuilds the listings; returns what it wrote and deleted.</summary>
    public async Task<SiteRebuild> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var entries = await catalog.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var listed = new Dictionary<Slug, (ListedArticle Article, CatalogEntry Entry)>();
        foreach (var entry in entries.Where(e => e.IsReadable))
        {
            if (Slug.TryParse(entry.Slug, out var slug, out _))
            {
                listed[slug] = (ToListed(slug, entry), entry);
            }
        }

        var articles = listed.Values.Select(v => v.Article).ToList();
        var bodies = await feedBodies.ReadAsync(listing.FeedArticles(articles).Select(a => (a.Slug, listed[a.Slug].Entry)), cancellationToken).ConfigureAwait(false);
        var planned = listing.Plan(articles, bodies);

        await site.EnsureAssetsAsync(cancellationToken).ConfigureAwait(false);
        var stored = await site.ReadListingFilesAsync(cancellationToken).ConfigureAwait(false);
        var written = new List<string>();
        foreach (var file in planned)
        {
            var current = stored.GetValueOrDefault(file.Path);
            if (current?.ContentHash != file.ContentHash)
            {
                await site.WriteListingFileAsync(file, (current?.Writes ?? 0) + 1, cancellationToken).ConfigureAwait(false);
                written.Add(file.Path);
            }
        }

        var plannedPaths = planned.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var deleted = new List<string>();
        // Only files a rebuild wrote (they carry a write count) are its to delete; anything else in the container is not.
        foreach (var path in stored.Where(p => p.Value.Writes > 0 && !plannedPaths.Contains(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal))
        {
            await site.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
            deleted.Add(path);
        }

        if (written.Count + deleted.Count > 0)
        {
            await cdn.PurgeAsync([.. written, .. deleted], cancellationToken).ConfigureAwait(false);
        }

        LogRebuilt(articles.Count, written.Count, deleted.Count, planned.Count - written.Count);
        return new SiteRebuild(articles.Count, written, deleted);
    }

    /// <summary>How the listings see a catalog entry: undated articles sort by when they were first published.</summary>
    public static ListedArticle ToListed(Slug slug, CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var updated = entry.PublishedAt ?? entry.UpdatedAt;
        return new ListedArticle(slug, entry.Title, entry.Date ?? entry.CreatedAt, entry.Summary, entry.Tags, entry.Author, updated);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the listings of {Articles} articles: {Written} written, {Deleted} deleted, {Unchanged} unchanged")]
    private partial void LogRebuilt(int articles, int written, int deleted, int unchanged);
}

/// <summary>What a rebuild did.</summary>
public sealed record SiteRebuild(int Articles, IReadOnlyList<string> Written, IReadOnlyList<string> Deleted);
