namespace ContentPipeline.Core.Articles;

/// <summary>Maps file extensions and media types to <see cref="ArticleFormat"/> and back.</summary>
public static class ArticleFormats
{
    /// <summary>The extensions accepted for sources, with their leading dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".md", ".markdown", ".txt", ".html"];

    /// <summary>The media types accepted for uploads.</summary>
    public static IReadOnlyList<string> MediaTypes { get; } = ["text/markdown", "text/plain", "text/html"];

    /// <summary>Finds the format of a file name by its extension (case-insensitive).</summary>
    public static bool TryFromFileName(string fileName, out ArticleFormat format)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        (var known, format) = extension switch
        {
            ".md" or ".markdown" => (true, ArticleFormat.Markdown),
            ".txt" => (true, ArticleFormat.PlainText),
            ".html" => (true, ArticleFormat.Html),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>Finds the format of a media type such as <c>text/markdown</c> (parameters are ignored).</summary>
    public static bool TryFromMediaType(string? mediaType, out ArticleFormat format)
    {
        var essence = mediaType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        (var known, format) = essence switch
        {
            "text/markdown" or "text/x-markdown" => (true, ArticleFormat.Markdown),
            "text/plain" => (true, ArticleFormat.PlainText),
            "text/html" => (true, ArticleFormat.Html),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The extension a source of this format is stored with.</summary>
    public static string ExtensionOf(ArticleFormat format) => format switch
    {
        ArticleFormat.Markdown => ".md",
        ArticleFormat.PlainText => ".txt",
        ArticleFormat.Html => ".html",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The media type a source of this format is stored with.</summary>
    public static string MediaTypeOf(ArticleFormat format) => format switch
    {
        ArticleFormat.Markdown => "text/markdown; charset=utf-8",
        ArticleFormat.PlainText => "text/plain; charset=utf-8",
        ArticleFormat.Html => "text/html; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
