using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Sources;

namespace ContentPipeline.Storage.Ingest;

/// <summary>
/// Takes uploads over HTTP: validates them by parsing (so errors come back at once), stores the source in
/// the articles container and records the article as pending. It never renders: the blob trigger does that,
/// whichever way a source arrived.
/// </summary>
public sealed class ArticleIngestor(ArticleParser parser, ArticleSourceStore sources, ArticleCatalog catalog, TimeProvider time)
{
    /// <summary>
    /// Ingests <paramref name="upload"/>. With a <paramref name="slug"/> (PUT) the article is created or
    /// replaced; without one (POST) the slug comes from front matter or the title, and an existing different
    /// article under it is a conflict unless <paramref name="overwrite"/> is set.
    /// </summary>
    public async Task<IngestResult> IngestAsync(ArticleUpload upload, Slug? slug, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var parsed = parser.Parse(new ArticleSource(upload.Content, upload.Format, upload.FileName));
        if (!parsed.IsSuccess)
        {
            return new IngestResult(IngestResultKind.Invalid, slug?.Value, Error: parsed.Error);
        }

        var metadata = parsed.Article.Metadata;
        var isReplace = slug is not null; // PUT names its slug explicitly: that is a replace, never a conflict.
        if (slug is not null && metadata.Slug is { } declared && declared != slug.Value)
        {
            return new IngestResult(IngestResultKind.Invalid, slug.Value, Error: new ArticleError(
                $"The front matter says 'slug: {declared}' but the URL says '{slug.Value}'; make them the same or remove the slug line."));
        }

        slug ??= metadata.Slug is { } fromFrontMatter && Slug.TryParse(fromFrontMatter, out var parsedSlug, out _)
            ? parsedSlug
            : SlugGenerator.FromTitle(metadata.Title);
        var sourceHash = ArticleSourceStore.HashOf(upload.Content.Span);

        if (!overwrite && !isReplace)
        {
            var existing = await catalog.GetAsync(slug, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.SourceHash != sourceHash)
            {
                return new IngestResult(IngestResultKind.Conflict, slug.Value, existing.Status, SlugTaken(slug, $"already belongs to the article '{existing.Title}'"));
            }
        }

        var stored = await sources.SaveAsync(slug, upload.Format, upload.Content, replace: overwrite || isReplace, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            // A concurrent upload created this slug with other bytes between our look at the catalog and our write.
            return new IngestResult(IngestResultKind.Conflict, slug.Value, Error: SlugTaken(slug, "was just taken by another upload"));
        }

        var entry = await catalog.UpdateAsync(slug, (current, ct) => PendingIfCurrentAsync(current, slug, stored, sourceHash, metadata, ct), cancellationToken).ConfigureAwait(false);
        return new IngestResult(IngestResultKind.Accepted, slug.Value, entry?.Status ?? ArticleStatus.Pending);
    }

    private static ArticleError SlugTaken(Slug slug, string byWhom) => new(
        $"The slug '{slug.Value}' {byWhom}. Replace it with PUT /api/articles/{slug.Value} or POST with ?overwrite=true, or give this article another slug in its front matter.");

    /// <summary>
    /// The pending entry for <paramref name="stored"/>, unless a later upload has already replaced that source: its
    /// trigger may have published before this write, and a stale "pending" would then never be corrected.
    /// </summary>
    private async ValueTask<CatalogEntry?> PendingIfCurrentAsync(CatalogEntry? current, Slug slug, StoredSource stored, string sourceHash, ArticleMetadata metadata, CancellationToken cancellationToken) =>
        Pending(current, slug, stored, sourceHash, metadata) is { } next && await sources.HoldsVersionAsync(stored.BlobName, stored.ETag, cancellationToken).ConfigureAwait(false)
            ? next
            : null;

    private CatalogEntry? Pending(CatalogEntry? current, Slug slug, StoredSource stored, string sourceHash, ArticleMetadata metadata)
    {
        // The trigger may already have published this very version, or a newer one may be recorded: never go back.
        if (current is not null && (current.SourceETag == stored.ETag || current.SourceLastModified > stored.LastModified))
        {
            return null;
        }

        var source = new SourceVersion(stored.BlobName, stored.ETag, stored.LastModified, sourceHash);
        return CatalogEntry.Describe(slug.Value, ArticleStatus.Pending, source, metadata, current, time.GetUtcNow());
    }
}
