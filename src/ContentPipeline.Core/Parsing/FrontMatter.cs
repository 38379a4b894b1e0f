namespace ContentPipeline.Core.Parsing;

/// <summary>The fields read from a YAML front matter block; null where the block does not say.</summary>
public sealed record FrontMatter
{
    /// <summary>An empty front matter.</summary>
    public static FrontMatter Empty { get; } = new();

    /// <summary>The <c>title</c> key.</summary>
    public string? Title { get; init; }

    /// <summary>The <c>slug</c> key, validated.</summary>
    public string? Slug { get; init; }

    /// <summary>The <c>date</c> key.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The <c>summary</c> key.</summary>
    public string? Summary { get; init; }

    /// <summary>The <c>author</c> key.</summary>
    public string? Author { get; init; }

    /// <summary>The <c>tags</c> key: a list, or a comma separated string.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The <c>draft</c> key.</summary>
    public bool Draft { get; init; }

    /// <summary>Every other key, as text.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
