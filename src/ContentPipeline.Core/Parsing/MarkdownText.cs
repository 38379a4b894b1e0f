using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Parsing;

/// <summary>Extracts the readable text of Markdown syntax nodes, for titles, summaries and word counts.</summary>
public static class MarkdownText
{
    /// <summary>The text of a leaf block's inlines (or its lines, for code).</summary>
    public static string Of(LeafBlock block)
    {
        var builder = new StringBuilder();
        if (block.Inline is { } inline)
        {
            Append(builder, inline);
        }
        else
        {
            builder.Append(block.Lines.ToString());
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child);
                }

                break;
        }
    }
}
