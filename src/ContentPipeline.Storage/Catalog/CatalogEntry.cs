using ContentPipeline.Core.Articles;

namespace ContentPipeline.Storage.Catalog;

/// <summary>One article as the catalog knows it.</summary>
public sealed record CatalogEntry
{
    /// <summary>The article's slug, its identity.</summary>
    public required string Slug { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>Where the article is in the pipeline.</summary>
    public required ArticleStatus Status { get; init; }

    /// <summary>Why the current source failed, when <see cref="Status"/> is <see cref="ArticleStatus.Failed"/>.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// True when the failure was not the source's fault (storage failed, the worker crashed), so publishing the same
    /// source again may succeed: reconciliation retries it once the host's own retries are over.
    /// </summary>
    public bool Retryable { get; init; }

    /// <summary>Name of the source blob within the articles container.</summary>
    public required string SourceBlob { get; init; }

    /// <summary>ETag of the source version this entry describes.</summary>
    public required string SourceETag { get; init; }

    /// <summary>Last-Modified of that source version; entries never go back to an older source.</summary>
    public required DateTimeOffset SourceLastModified { get; init; }

    /// <summary>SHA-256 of the source bytes, to recognise a re-upload of the same file.</summary>
    public string? SourceHash { get; init; }

    /// <summary>SHA-256 of the published page.</summary>
    public string? ContentHash { get; init; }

    /// <summary>The <c>PageRenderer.Version</c> the published page was rendered with.</summary>
    public string? RenderVersion { get; init; }

    /// <summary>Publication date from the source.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Tags from the source.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Summary from the source.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Author from the source.</summary>
    public string? Author { get; init; }

    /// <summary>Drafts are not listed on the site.</summary>
    public bool Draft { get; init; }

    /// <summary>When the page's bytes last changed.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>When the article was first seen.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When this entry last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// True while readers can see the article: a page has been published (a later failed source leaves it up) and
    /// it is not a draft. Only such articles count views.
    /// </summary>
    public bool IsReadable => PublishedAt is not null && !Draft;

    /// <summary>
    /// The entry for <paramref name="source"/> with what its <paramref name="metadata"/> says, keeping from
    /// <paramref name="current"/> what a new source version does not change (first-seen time, last page).
    /// </summary>
    public static CatalogEntry Describe(string slug, ArticleStatus status, SourceVersion source, ArticleMetadata metadata, CatalogEntry? current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(metadata);
        return new CatalogEntry
        {
            Slug = slug,
            Title = metadata.Title,
            Status = status,
            SourceBlob = source.BlobName,
            SourceETag = source.ETag,
            SourceLastModified = source.LastModified,
            SourceHash = source.Hash,
            ContentHash = current?.ContentHash,
            RenderVersion = current?.RenderVersion,
            Date = metadata.Date,
            Tags = metadata.Tags,
            Summary = metadata.Summary,
            Author = metadata.Author,
            Draft = metadata.Draft,
            PublishedAt = current?.PublishedAt,
            CreatedAt = current?.CreatedAt ?? now,
            UpdatedAt = now,
        };
    }
}
