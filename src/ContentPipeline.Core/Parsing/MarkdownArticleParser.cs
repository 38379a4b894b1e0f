using System.Text.RegularExpressions;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Rendering.Limits;
using ContentPipeline.Core.Rendering.SafeHtml;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ContentPipeline.Core.Parsing;

/// <summary>
/// Parses Markdown with optional YAML front matter into an <see cref="Article"/> whose body is safe by construction:
/// Markdig escapes text, link and image URLs are filtered as they are rendered, and only raw HTML is sanitized, node by
/// node (<see cref="ArticleHtmlRenderer"/>).
/// </summary>
public sealed partial class MarkdownArticleParser(MarkdownPipeline pipeline)
{
    private readonly ArticleHtmlRenderer renderer = new(pipeline);

    private static readonly string TooDeep =
        $"The Markdown nests block quotes, lists or emphasis deeper than {MarkdownPipelineFactory.MaximumNestingDepth} levels; flatten it.";

    /// <summary>Parses <paramref name="text"/>, which came from a file named <paramref name="fileName"/>.</summary>
    public ArticleParseResult Parse(string text, string fileName)
    {
        text = BlankEmptyFrontMatter(text);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException ex) when (IsDepthLimit(ex))
        {
            return ArticleParseResult.Failure(TooDeep);
        }
        catch (MarkdownLimitException ex)
        {
            return ArticleParseResult.Failure(ex.Message, ex.Line);
        }

        var frontMatterBlock = document.Count > 0 ? document[0] as YamlFrontMatterBlock : null;
        if (frontMatterBlock is null && OpensFrontMatter(text))
        {
            return ArticleParseResult.Failure("The front matter opened with '---' on line 1 is never closed; end it with a line of '---'.", 1);
        }

        var frontMatter = FrontMatter.Empty;
        if (frontMatterBlock is not null)
        {
            // Markdig lines are 0-based and the block starts at the opening fence; YAML starts on the next line.
            var firstYamlLine = frontMatterBlock.Line + 2;
            if (!FrontMatterParser.TryParse(YamlOf(frontMatterBlock), firstYamlLine, out frontMatter, out var error))
            {
                return ArticleParseResult.Failure(error!);
            }

            document.Remove(frontMatterBlock);
        }

        var title = frontMatter.Title ?? TakeTitleHeading(document) ?? PlainText.TitleFromFileName(fileName);

        // Before the summary and the rendering: both must see the inline raw HTML sanitized (no <script> text).
        var wordCount = MarkdownBody.SanitizeInlineHtmlAndCountWords(document);

        string html;
        try
        {
            html = renderer.Render(document);
        }
        catch (ArgumentException ex) when (IsDepthLimit(ex))
        {
            // The renderer counts nesting on its own and can hit the limit where the parser did not.
            return ArticleParseResult.Failure(TooDeep);
        }

        var metadata = new ArticleMetadata
        {
            Title = title,
            Slug = frontMatter.Slug,
            Date = frontMatter.Date,
            Summary = frontMatter.Summary ?? FirstParagraphSummary(document),
            Author = frontMatter.Author,
            Tags = frontMatter.Tags,
            Draft = frontMatter.Draft,
            Extra = frontMatter.Extra,
        };
        return ArticleParseResult.Success(new Article(metadata, html, wordCount));
    }

    /// <summary>
    /// Markdig does not recognise a front matter block with nothing inside (two fences in a row) and would
    /// render them as rules; blank them instead, keeping line numbers.
    /// </summary>
    private static string BlankEmptyFrontMatter(string text) => EmptyFrontMatter().Replace(text, "\n\n", 1);

    [GeneratedRegex(@"\A---[ \t]*\n(?:---|\.\.\.)[ \t]*\n", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmptyFrontMatter();

    // Markdig reports its nesting guard as an ArgumentException; only that one is an expected outcome.
    private static bool IsDepthLimit(ArgumentException exception) =>
        exception.Message.Contains("depth limit", StringComparison.OrdinalIgnoreCase);

    private static bool OpensFrontMatter(string text)
    {
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        return firstLine.TrimEnd() == "---" && firstLineEnd >= 0;
    }

    private static string YamlOf(YamlFrontMatterBlock block)
    {
        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString()).ToList();
        // Depending on the Markdig version the fences are part of the block's lines; YAML must not see them.
        if (lines.Count > 0 && lines[0].TrimEnd() == "---")
        {
            lines.RemoveAt(0);
        }

        if (lines.Count > 0 && lines[^1].TrimEnd() is "---" or "...")
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// Uses the first level-1 heading as the title. When it opens the document it is removed from the body,
    /// because the layout prints the title itself.
    /// </summary>
    private static string? TakeTitleHeading(MarkdownDocument document)
    {
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        if (heading is null)
        {
            return null;
        }

        var title = PlainText.CollapseWhiteSpace(MarkdownText.Of(heading));
        if (title.Length == 0)
        {
            return null;
        }

        if (document.Count > 0 && ReferenceEquals(document[0], heading))
        {
            document.RemoveAt(0);
        }

        return title;
    }

    private static string FirstParagraphSummary(MarkdownDocument document)
    {
        var paragraph = document.OfType<ParagraphBlock>().FirstOrDefault() ?? document.Descendants<ParagraphBlock>().FirstOrDefault();
        return paragraph is null ? "" : PlainText.Summarize(MarkdownText.Of(paragraph));
    }
}
