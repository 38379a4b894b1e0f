using ContentPipeline.Core.Sanitizing;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Rendering.SafeHtml;

/// <summary>
/// The fallback for inline raw HTML that <see cref="InlineHtmlSanitizer"/> did not replace: sanitized on its own, as a
/// complete piece (an opening tag is closed at once). It never writes the tag as the author wrote it.
/// </summary>
public sealed class SanitizingHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlInline obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        renderer.Write(RawHtmlSanitizer.Sanitize(obj.Tag));
    }
}
