using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Rendering.SafeHtml;

/// <summary>Renders autolinks (<c>&lt;https://…&gt;</c>) as Markdig does, after <see cref="MarkdownLinkPolicy"/> has filtered their URL.</summary>
public sealed class SafeAutolinkInlineRenderer : AutolinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline obj)
    {
        MarkdownLinkPolicy.Apply(obj);
        base.Write(renderer, obj);
    }
}
