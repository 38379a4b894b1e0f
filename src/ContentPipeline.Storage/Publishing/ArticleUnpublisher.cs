using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Site;
using ContentPipeline.Storage.Sources;
using ContentPipeline.Storage.Views;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Storage.Publishing;

/// <summary>
/// Takes an article off the site: its sources, its page, its view counter and its catalog row, then asks for the
/// listings to be rebuilt without it. Safe to repeat;
/// the catalog row goes last, so an interrupted run leaves a row that says what is still to clean up.
/// </summary>
public sealed partial class ArticleUnpublisher(ArticleSourceStore sources, SiteStore site, ViewCounter views, ArticleCatalog catalog, ISiteChangeNotifier siteChanges, ILogger<ArticleUnpublisher> logger)
{
    /// <summary>Unpublishes <paramref name="slug"/>. False when there was nothing to remove.</summary>
    public async Task<bool> UnpublishAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var entry = await catalog.GetAsync(slug, cancellationToken).ConfigureAwait(false);

        // The source first: once it is gone, a late publish of it finds nothing to render.
        var hadSource = await sources.DeleteAllAsync(slug, cancellationToken).ConfigureAwait(false);
        var hadPage = await site.DeleteAsync(SiteUrls.ArticlePagePath(slug), cancellationToken).ConfigureAwait(false);
        await views.DeleteAsync(slug, cancellationToken).ConfigureAwait(false);
        await catalog.DeleteAsync(slug, cancellationToken).ConfigureAwait(false);

        var existed = entry is not null || hadSource || hadPage;
        if (existed)
        {
            await siteChanges.NotifyAsync(hadPage ? [SiteUrls.ArticlePagePath(slug)] : [], cancellationToken).ConfigureAwait(false);
            LogUnpublished(slug.Value);
        }

        return existed;
    }

    /// <summary>
    /// Unpublishes <paramref name="slug"/> after one of its sources was deleted, unless it still has one (an upload
    /// in another format replaces the old file by deleting it). True when it unpublished.
    /// </summary>
    public async Task<bool> UnpublishIfSourceGoneAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return !await sources.AnyExistsAsync(slug, cancellationToken).ConfigureAwait(false)
            && await UnpublishAsync(slug, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Unpublished {Slug}: source, page, views and catalog row removed")]
    private partial void LogUnpublished(string slug);
}
