using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Rendering.SafeHtml;

/// <summary>Renders links and images as Markdig does, after <see cref="MarkdownLinkPolicy"/> has filtered their URL.</summary>
public sealed class SafeLinkInlineRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        MarkdownLinkPolicy.Apply(link);
        base.Write(renderer, link);
    }
}
