using ContentPipeline.Core.Sanitizing;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ContentPipeline.Core.Rendering.SafeHtml;

/// <summary>
/// Renders a raw HTML block through <see cref="RawHtmlSanitizer"/>, as one balanced piece: what the block opens and
/// leaves open is closed at its end, and an end tag for something it did not open is dropped.
/// </summary>
/// <remarks>
/// A consequence: Markdown between an opening block (<c>&lt;details&gt;</c>) and a closing one (<c>&lt;/details&gt;</c>),
/// each alone in its block, ends up after the element rather than inside it. Keeping it inside would need tags
/// balanced across blocks, which the whole-page sanitizer did and which costs a pass over the page.
/// </remarks>
public sealed class SanitizingHtmlBlockRenderer : HtmlObjectRenderer<HtmlBlock>
{
    protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        renderer.Write(RawHtmlSanitizer.Sanitize(obj.Lines.ToString()));
        renderer.WriteLine();
    }
}
