using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Sanitizing;

namespace ContentPipeline.Core.Parsing;

/// <summary>
/// Turns an uploaded source into an <see cref="Article"/>, whatever its format. Thread-safe; build it once.
/// </summary>
public sealed class ArticleParser
{
    private readonly MarkdownArticleParser markdown;
    private readonly HtmlArticleParser html;

    /// <summary>Creates a parser with the standard Markdown pipeline and sanitizer.</summary>
    public ArticleParser()
        : this(new HtmlFragmentSanitizer())
    {
    }

    /// <summary>Creates a parser that sanitizes uploaded HTML documents with <paramref name="sanitizer"/>.</summary>
    public ArticleParser(HtmlFragmentSanitizer sanitizer)
    {
        ArgumentNullException.ThrowIfNull(sanitizer);
        markdown = new MarkdownArticleParser(MarkdownPipelineFactory.Create());
        html = new HtmlArticleParser(sanitizer);
    }

    /// <summary>Decodes and parses <paramref name="source"/>; bad encoding and bad syntax are failures, not exceptions.</summary>
    public ArticleParseResult Parse(ArticleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Content.IsEmpty)
        {
            return ArticleParseResult.Failure("The file is empty; upload an article with at least a title.");
        }

        if (!SourceDecoder.TryDecode(source.Content.Span, out var text, out var error))
        {
            return ArticleParseResult.Failure(error!);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ArticleParseResult.Failure("The file holds only white space; upload an article with at least a title.");
        }

        return source.Format switch
        {
            ArticleFormat.Markdown => markdown.Parse(text, source.FileName),
            ArticleFormat.PlainText => PlainTextArticleParser.Parse(text, source.FileName),
            ArticleFormat.Html => html.Parse(text, source.FileName),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source.Format, "Unknown article format."),
        };
    }
}
