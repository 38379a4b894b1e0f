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
}
