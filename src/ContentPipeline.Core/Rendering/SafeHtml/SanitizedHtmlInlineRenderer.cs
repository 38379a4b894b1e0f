using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ContentPipeline.Core.Rendering.SafeHtml;

/// <summary>Writes <see cref="SanitizedHtmlInline"/> as it is.</summary>
public sealed class SanitizedHtmlInlineRenderer : HtmlObjectRenderer<SanitizedHtmlInline>
{
    protected override void Write(HtmlRenderer renderer, SanitizedHtmlInline obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        renderer.Write(obj.Html);
    }
}
