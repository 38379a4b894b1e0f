namespace ContentPipeline.Core.Articles;

/// <summary>The kinds of source file an editor can upload.</summary>
public enum ArticleFormat
{
    /// <summary>Markdown, optionally with YAML front matter.</summary>
    Markdown,

    /// <summary>Plain text: title line, optional date line, blank-line separated paragraphs.</summary>
    PlainText,

    /// <summary>An HTML document or fragment.</summary>
    Html,
}
