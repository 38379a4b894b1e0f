using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Site;
using ContentPipeline.Storage.Sources;
using ContentPipeline.Storage.Views;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Storage.Publishing;

/// <summary>
/// Takes an article off the site: its sources, its page, its view counter and its catalog row. Safe to repeat;
/// the catalog row goes last, so an interrupted run leaves a row that says what is still to clean up.
/// </summary>
public sealed partial class ArticleUnpublisher(ArticleSourceStore sources, SiteStore site, ViewCounter views, ArticleCatalog catalog, ILogger<ArticleUnpublisher> logger)
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
            LogUnpublished(slug.Value);
        }

        return existed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Unpublished {Slug}: source, page, views and catalog row removed")]
    private partial void LogUnpublished(string slug);
}
