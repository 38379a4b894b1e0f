using System.Globalization;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace ContentPipeline.Core.Rendering.Limits;

/// <summary>
/// Runs before every block parser where a block quote, a list item or a link reference definition could start,
/// and only counts: it stops a line from opening containers past the nesting limit (before the list and
/// thematic-break parsers rescan the line once per level), and an article from holding more link reference
/// definitions than the limit.
/// </summary>
internal sealed class BlockLimitsParser : BlockParser
{
    private static readonly object ReferenceDefinitionCountKey = new();

    private readonly int maximumNestingDepth;
    private readonly int maximumReferenceDefinitions;

    public BlockLimitsParser(int maximumNestingDepth, int maximumReferenceDefinitions)
    {
        this.maximumNestingDepth = maximumNestingDepth;
        this.maximumReferenceDefinitions = maximumReferenceDefinitions;
        OpeningCharacters = ['>', '-', '+', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '['];
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.CurrentChar == '[')
        {
            CountReferenceDefinition(processor);
        }
        else if (ContainerDepth(processor.CurrentContainer) >= maximumNestingDepth - 1)
        {
            // Another quote or list here would pass the limit Markdig enforces later, without a line, on the
            // containers below the document (a list item is two: the list and the item).
            throw new MarkdownLimitException(
                string.Create(CultureInfo.InvariantCulture, $"The line nests block quotes and lists deeper than {maximumNestingDepth} levels (a list counts twice: list and item); flatten it."),
                processor.LineIndex + 1);
        }

        return BlockState.None;
    }

    // Walks up at most one step past the limit, so the check costs at most the limit per marker.
    private int ContainerDepth(ContainerBlock? container)
    {
        var depth = 0;
        for (var block = container; block is not null and not MarkdownDocument && depth <= maximumNestingDepth; block = block.Parent)
        {
            depth++;
        }

        return depth;
    }

    private void CountReferenceDefinition(BlockProcessor processor)
    {
        // "[label]: …", but not a footnote definition "[^label]: …" (those are cheap).
        var line = processor.Line.AsSpan();
        if (line.Length < 2 || line[1] == '^' || !line.Contains("]:", StringComparison.Ordinal))
        {
            return;
        }

        var document = processor.Document;
        var count = document.GetData(ReferenceDefinitionCountKey) as int? ?? 0;
        if (++count > maximumReferenceDefinitions)
        {
            throw new MarkdownLimitException(
                string.Create(CultureInfo.InvariantCulture, $"The article has more than {maximumReferenceDefinitions:N0} link reference definitions ('[label]: url'); write the links inline or split the article."),
                processor.LineIndex + 1);
        }

        document.SetData(ReferenceDefinitionCountKey, count);
    }
}
