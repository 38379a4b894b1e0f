using ContentPipeline.Core.Rendering.SafeHtml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Parsing;

/// <summary>
/// The one walk over a parsed article's inlines before it is rendered: it sanitizes the inline raw HTML of every
/// container (<see cref="InlineHtmlSanitizer"/>) and counts the words of the text that will be shown. Doing both in one
/// walk keeps the cost of the page path close to Markdig's own (the render benchmark's goal).
/// </summary>
internal static class MarkdownBody
{
    /// <summary>Sanitizes <paramref name="document"/>'s inline raw HTML in place and returns its word count.</summary>
    public static int SanitizeInlineHtmlAndCountWords(MarkdownDocument document)
    {
        var words = new WordCounter();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is { } inline)
            {
                Walk(inline, ref words);
            }
            else if (leaf is not HtmlBlock)
            {
                // Code blocks: their lines, one after the other. Raw HTML blocks are markup, not words.
                var lines = leaf.Lines;
                for (var i = 0; i < lines.Count; i++)
                {
                    words.Add(lines.Lines[i].Slice.AsSpan());
                    words.Add('\n');
                }
            }

            words.Add('\n');
        }

        return words.Count;
    }

    private static void Walk(ContainerInline container, ref WordCounter words)
    {
        // First the container's own raw HTML, which may remove children (the content of a <script>).
        InlineHtmlSanitizer.Sanitize(container);
        foreach (var child in container)
        {
            switch (child)
            {
                case LiteralInline literal:
                    words.Add(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    words.Add(code.Content);
                    break;
                case HtmlEntityInline entity:
                    words.Add(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    words.Add(' ');
                    break;
                case ContainerInline nested:
                    Walk(nested, ref words);
                    break;
            }
        }
    }
}
