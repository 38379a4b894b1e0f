using System.Globalization;
using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;

namespace ContentPipeline.Core.Rendering.Limits;

/// <summary>
/// Keeps Markdig's work on a hostile source linear in its size. Markdig bounds nesting only at 10,240 levels while
/// parsing blocks and inlines, and several of its steps cost more than linear time below that:
/// <list type="bullet">
/// <item>every block quote or list marker a line opens rescans the rest of the line, so one line of
/// <c>- - - … x</c> costs its length times its levels (seconds for 200 KB);</item>
/// <item>every emphasis marker and <c>[</c> stays an open container until the end of its paragraph, and every
/// later inline of the paragraph walks down through all of them; every bare URL walks back through all earlier
/// inlines; so a paragraph's cost is its markers times its inlines (minutes for 1 MB);</item>
/// <item>heading ids are made unique by counting up from 1 on each duplicate (quadratic in duplicate headings);</item>
/// <item>consecutive link reference definitions are taken off their paragraph one at a time, copying the rest
/// each time (quadratic in the run).</item>
/// </list>
/// Each limit below is far above what an article needs; a source that passes one fails with
/// <see cref="MarkdownLimitException"/> naming the line, before the expensive step runs.
/// </summary>
public sealed class MarkdownLimitsExtension : IMarkdownExtension
{
    /// <summary>Most emphasis markers, link or image brackets and bare URLs one paragraph, heading or table may hold.</summary>
    public const int MaximumInlineMarkersPerBlock = 500;

    /// <summary>Most headings one article may have.</summary>
    public const int MaximumHeadings = 5_000;

    /// <summary>Most link reference definitions (<c>[label]: url</c>) one article may have.</summary>
    public const int MaximumLinkReferenceDefinitions = 5_000;

    private static readonly object HeadingCountKey = new();

    /// <summary>The nesting depth a single line may open block quotes and lists to.</summary>
    public int MaximumNestingDepth { get; }

    /// <summary>Creates the extension; <paramref name="maximumNestingDepth"/> should be the pipeline's own limit.</summary>
    public MarkdownLimitsExtension(int maximumNestingDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumNestingDepth, 1);
        MaximumNestingDepth = maximumNestingDepth;
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);

        // First in both lists: these parsers only count and never match, so every other parser still sees
        // every character, but the count is taken before the expensive parser runs.
        pipeline.BlockParsers.Insert(0, new BlockLimitsParser(MaximumNestingDepth, MaximumLinkReferenceDefinitions));
        var emphasis = pipeline.InlineParsers.Find<EmphasisInlineParser>()
            ?? throw new InvalidOperationException("The pipeline has no emphasis parser to take the emphasis characters from.");
        pipeline.InlineParsers.Insert(0, new InlineMarkerLimitParser(emphasis, MaximumInlineMarkersPerBlock));

        // ATX headings close through their own parser, setext headings through the paragraph parser.
        foreach (var parser in pipeline.BlockParsers)
        {
            if (parser is HeadingBlockParser or ParagraphBlockParser)
            {
                parser.Closed += CountHeading;
            }
        }
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void CountHeading(BlockProcessor processor, Block block)
    {
        if (block is not HeadingBlock)
        {
            return;
        }

        var count = processor.Document.GetData(HeadingCountKey) as int? ?? 0;
        if (++count > MaximumHeadings)
        {
            throw new MarkdownLimitException(
                string.Create(CultureInfo.InvariantCulture, $"The article has more than {MaximumHeadings:N0} headings; split it into several articles."),
                block.Line + 1);
        }

        processor.Document.SetData(HeadingCountKey, count);
    }
}
