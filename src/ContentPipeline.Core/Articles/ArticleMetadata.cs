namespace ContentPipeline.Core.Articles;

/// <summary>What a source says about itself: front matter, or what was inferred from its content.</summary>
public sealed record ArticleMetadata
{
    /// <summary>The article's title; never empty.</summary>
    public required string Title { get; init; }

    /// <summary>The slug the source asks for, if it names one.</summary>
    public string? Slug { get; init; }

    /// <summary>Publication date, if the source gives one.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>A one-paragraph plain-text summary; empty when the article has no text.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The author, if given.</summary>
    public string? Author { get; init; }

    /// <summary>Tags in the order given, without duplicates.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Drafts are rendered but not listed.</summary>
    public bool Draft { get; init; }

    /// <summary>Front matter keys the pipeline does not know, kept as text.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
