using Azure.Storage.Blobs;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Site;
using ContentPipeline.Storage.Sources;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Storage.Publishing;

/// <summary>
/// Publishes a source blob: parse, render, write the page (only if its bytes changed), then record the
/// result in the catalog. This is the one place rendering happens, whichever way a source arrived.
/// Safe to replay: the same source leaves the page and the catalog untouched.
/// </summary>
public sealed partial class ArticlePublisher(
    ArticleParser parser,
    PageRenderer renderer,
    SiteStore site,
    ArticleCatalog catalog,
    ISiteChangeNotifier siteChanges,
    TimeProvider time,
    ILogger<ArticlePublisher> logger)
{
    // A source replaced while it was being rendered is rendered again, until what was written is current. A source
    // rewritten faster than it renders for this many passes fails the invocation, and the host's retry takes over:
    // giving up quietly could leave an older page behind the newest version's own (already finished) run.
    private const int MaxRenderPasses = 10;

    /// <summary>Publishes the source in <paramref name="source"/>.</summary>
    public async Task<PublishOutcome> PublishAsync(BlobClient source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var blobName = source.Name;
        if (!ArticleFormats.TryFromFileName(blobName, out var format))
        {
            LogIgnored(blobName);
            return new PublishOutcome(PublishResultKind.Ignored);
        }

        var stem = blobName[..blobName.LastIndexOf('.')];
        if (!Slug.TryParse(stem, out var slug, out var slugProblem))
        {
            var reason = $"The blob name '{blobName}' does not make a valid slug. {slugProblem} Rename it to '<slug>{Path.GetExtension(blobName)}'.";
            LogRejected(blobName, reason);
            await catalog.RecordRejectedSourceAsync(blobName, reason, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new PublishOutcome(PublishResultKind.Rejected, Error: new ArticleError(reason));
        }

        SourceContent? content = null;
        try
        {
            for (var pass = 1; pass <= MaxRenderPasses; pass++)
            {
                content = await ArticleSourceStore.ReadAsync(source, cancellationToken).ConfigureAwait(false);
                if (content is null)
                {
                    LogSourceMissing(blobName);
                    return new PublishOutcome(PublishResultKind.SourceMissing, slug.Value);
                }

                var outcome = await PublishVersionAsync(source, slug, format, content, cancellationToken).ConfigureAwait(false);

                // If the source changed while we rendered, a concurrent run may have finished first with the newer
                // bytes and we may just have overwritten its page: render again until what we wrote is current.
                var currentETag = await ArticleSourceStore.GetETagAsync(source, cancellationToken).ConfigureAwait(false);
                if (currentETag is null || ArticleSourceStore.SameETag(currentETag, content.ETag))
                {
                    return outcome;
                }
            }

            LogKeepsChanging(blobName, MaxRenderPasses);
            throw new SourceKeepsChangingException($"The source {blobName} changed during each of {MaxRenderPasses} renders in a row.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not SourceKeepsChangingException)
        {
            // Record why before the host's retry and poison rules take over, so the catalog never says
            // "pending" about a source that keeps failing.
            await RecordUnexpectedFailureAsync(slug, blobName, content, ex).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<PublishOutcome> PublishVersionAsync(BlobClient source, Slug slug, ArticleFormat format, SourceContent content, CancellationToken cancellationToken)
    {
        var blobName = source.Name;
        var existing = await catalog.GetAsync(slug, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.SourceLastModified > content.LastModified)
        {
            LogSuperseded(blobName, content.ETag);
            return new PublishOutcome(PublishResultKind.Superseded, slug.Value);
        }

        var sourceHash = ArticleSourceStore.HashOf(content.Content.ToMemory().Span);
        var parsed = parser.Parse(new ArticleSource(content.Content.ToMemory(), format, blobName));
        var error = parsed.IsSuccess ? SlugMismatch(parsed.Article.Metadata, slug, blobName) : parsed.Error;
        if (error is not null)
        {
            LogFailed(blobName, error.ToString());
            await UpdateIfCurrentAsync(source, content, slug, current => Failed(current, slug, blobName, content, sourceHash, error.ToString(), retryable: false), cancellationToken).ConfigureAwait(false);
            return new PublishOutcome(PublishResultKind.Failed, slug.Value, Error: error);
        }

        var article = parsed.Article!;
        if (WithheldStatus(article.Metadata) is { } withheld)
        {
            // Not for readers yet (or any more): no page. One it had before comes down.
            var pageRemoved = await site.DeleteAsync(SiteUrls.ArticlePagePath(slug), cancellationToken).ConfigureAwait(false);
            await UpdateIfCurrentAsync(source, content, slug, current => Withheld(current, slug, blobName, content, sourceHash, article.Metadata, withheld), cancellationToken).ConfigureAwait(false);
            await siteChanges.NotifyAsync(pageRemoved ? [SiteUrls.ArticlePagePath(slug)] : [], cancellationToken).ConfigureAwait(false);
            LogWithheld(blobName, withheld, pageRemoved);
            return new PublishOutcome(withheld == ArticleStatus.Draft ? PublishResultKind.Draft : PublishResultKind.Scheduled, slug.Value);
        }

        var page = renderer.Render(article, slug);
        await site.EnsureAssetsAsync(cancellationToken).ConfigureAwait(false);
        var written = await site.WritePageIfChangedAsync(slug, page, cancellationToken).ConfigureAwait(false);
        await UpdateIfCurrentAsync(source, content, slug, current => Published(current, slug, blobName, content, sourceHash, article.Metadata, page, written), cancellationToken).ConfigureAwait(false);
        await siteChanges.NotifyAsync(written ? [SiteUrls.ArticlePagePath(slug)] : [], cancellationToken).ConfigureAwait(false);
        LogPublished(blobName, slug.Value, written);
        return new PublishOutcome(PublishResultKind.Published, slug.Value, written);
    }

    /// <summary>
    /// Records what <paramref name="content"/> gave, unless the source has been replaced since it was read. Blob
    /// Last-Modified has one-second resolution, so it cannot order uploads within a second; the source's current
    /// ETag can. The check runs inside the catalog's conditional write, so a stale version is never recorded over a
    /// newer one: the newer version's run either wrote before the check (and the check sees its source) or writes after.
    /// </summary>
    private Task<CatalogEntry?> UpdateIfCurrentAsync(BlobClient source, SourceContent content, Slug slug, Func<CatalogEntry?, CatalogEntry?> change, CancellationToken cancellationToken) =>
        catalog.UpdateAsync(
            slug,
            async (current, ct) => change(current) is { } next && SameETag(await ArticleSourceStore.GetETagAsync(source, ct).ConfigureAwait(false), content.ETag) ? next : null,
            cancellationToken);

    private static bool SameETag(string? current, string etag) => current is not null && ArticleSourceStore.SameETag(current, etag);

    private static ArticleError? SlugMismatch(ArticleMetadata metadata, Slug slug, string blobName) =>
        metadata.Slug is { } declared && declared != slug.Value
            ? new ArticleError($"The front matter says 'slug: {declared}' but the file is named '{blobName}'; rename the file to '{declared}{Path.GetExtension(blobName)}' or remove the slug line.")
            : null;

    private CatalogEntry? Published(CatalogEntry? current, Slug slug, string blobName, SourceContent content, string sourceHash, ArticleMetadata metadata, RenderedPage page, bool written)
    {
        if (current is not null && current.SourceLastModified > content.LastModified)
        {
            return null;
        }

        if (current is { Status: ArticleStatus.Published } && current.SourceETag == content.ETag && current.ContentHash == page.ContentHash
            && current.RenderVersion == renderer.Version && !written)
        {
            return null; // A replay: nothing changed.
        }

        var now = time.GetUtcNow();
        var source = new SourceVersion(blobName, content.ETag, content.LastModified, sourceHash);
        return CatalogEntry.Describe(slug.Value, ArticleStatus.Published, source, metadata, current, now) with
        {
            ContentHash = page.ContentHash,
            RenderVersion = renderer.Version,
            PublishedAt = written || current?.PublishedAt is null ? now : current.PublishedAt,
        };
    }

    private ArticleStatus? WithheldStatus(ArticleMetadata metadata) =>
        metadata.Draft ? ArticleStatus.Draft
        : metadata.Date > time.GetUtcNow() ? ArticleStatus.Scheduled
        : null;

    private CatalogEntry? Withheld(CatalogEntry? current, Slug slug, string blobName, SourceContent content, string sourceHash, ArticleMetadata metadata, ArticleStatus status)
    {
        if (current is not null && current.SourceLastModified > content.LastModified)
        {
            return null;
        }

        if (current is not null && current.Status == status && current.SourceETag == content.ETag && current.PublishedAt is null)
        {
            return null; // A replay: nothing changed.
        }

        var source = new SourceVersion(blobName, content.ETag, content.LastModified, sourceHash);
        return CatalogEntry.Describe(slug.Value, status, source, metadata, current, time.GetUtcNow()) with { ContentHash = null, RenderVersion = null, PublishedAt = null };
    }

    private CatalogEntry? Failed(CatalogEntry? current, Slug slug, string blobName, SourceContent? content, string? sourceHash, string error, bool retryable)
    {
        if (current is not null && content is not null && current.SourceLastModified > content.LastModified)
        {
            return null;
        }

        if (current is { Status: ArticleStatus.Failed } && current.Error == error && current.Retryable == retryable && current.SourceETag == content?.ETag)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return (current ?? new CatalogEntry
        {
            Slug = slug.Value,
            Title = slug.Value,
            Status = ArticleStatus.Failed,
            SourceBlob = blobName,
            SourceETag = "",
            SourceLastModified = DateTimeOffset.MinValue,
            CreatedAt = now,
            UpdatedAt = now,
        }) with
        {
            Status = ArticleStatus.Failed,
            Error = error,
            Retryable = retryable,
            SourceBlob = blobName,
            SourceETag = content?.ETag ?? current?.SourceETag ?? "",
            SourceLastModified = content?.LastModified ?? current?.SourceLastModified ?? DateTimeOffset.MinValue,
            SourceHash = sourceHash ?? current?.SourceHash,
            UpdatedAt = now,
        };
    }

    private async Task RecordUnexpectedFailureAsync(Slug slug, string blobName, SourceContent? content, Exception exception)
    {
        var reason = $"Publishing failed unexpectedly ({exception.GetType().Name}: {exception.Message}); it will be retried.";
        try
        {
            // Not the caller's token: the failure must be recorded even when the invocation is being torn down.
            await catalog.UpdateAsync(slug, current => Failed(current, slug, blobName, content, null, reason, retryable: true), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception recordException) when (recordException is not OperationCanceledException)
        {
            LogRecordFailed(recordException, blobName);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {BlobName}: not an article source (.md, .markdown, .txt, .html)")]
    private partial void LogIgnored(string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {BlobName}: {Reason}")]
    private partial void LogRejected(string blobName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {BlobName}: it was deleted before it could be published")]
    private partial void LogSourceMissing(string blobName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {BlobName} version {ETag}: the catalog already has a newer source")]
    private partial void LogSuperseded(string blobName, string etag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {BlobName}: {Error}")]
    private partial void LogFailed(string blobName, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Withheld {BlobName}: {Status} (earlier page taken down: {PageRemoved})")]
    private partial void LogWithheld(string blobName, ArticleStatus status, bool pageRemoved);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {BlobName} as {Slug} (page written: {PageWritten})")]
    private partial void LogPublished(string blobName, string slug, bool pageWritten);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{BlobName} changed during each of {Passes} renders in a row; leaving it to the host's retry")]
    private partial void LogKeepsChanging(string blobName, int passes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the failure of {BlobName} in the catalog")]
    private partial void LogRecordFailed(Exception exception, string blobName);
}
