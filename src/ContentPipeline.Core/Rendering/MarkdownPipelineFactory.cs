using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using ContentPipeline.Core.Rendering.Limits;

namespace ContentPipeline.Core.Rendering;

/// <summary>Builds the one Markdig pipeline every article is parsed and rendered with.</summary>
public static class MarkdownPipelineFactory
{
    /// <summary>
    /// Markdown nesting (block quotes, lists, emphasis) deeper than this fails the article instead of
    /// risking the stack; real articles stay far below it.
    /// </summary>
    public const int MaximumNestingDepth = 64;

    /// <summary>
    /// Creates the pipeline. The extension list is explicit on purpose: <c>UseAdvancedExtensions</c> would
    /// also bring generic attributes (<c>{onclick=…}</c> on any element) and media links (iframes), which
    /// untrusted sources must not get. <see cref="MarkdownLimitsExtension"/> keeps parsing time linear in the
    /// source's size.
    /// </summary>
    public static MarkdownPipeline Create()
    {
        var builder = new MarkdownPipelineBuilder
        {
            MaximumNestingDepth = MaximumNestingDepth,
        };

        return builder
            .UseYamlFrontMatter()
            .UsePipeTables()
            .UseGridTables()
            .UseFootnotes()
            .UseTaskLists()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseEmphasisExtras(EmphasisExtraOptions.Default)
            .UseAutoLinks()
            .UseListExtras()
            .UseDefinitionLists()
            .UseAbbreviations()
            .UseFigures()
            .UseCitations()
            .Use(new MarkdownLimitsExtension(MaximumNestingDepth))
            .Build();
    }
}
