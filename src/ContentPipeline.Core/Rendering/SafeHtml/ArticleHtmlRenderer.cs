using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;

namespace ContentPipeline.Core.Rendering.SafeHtml;

/// <summary>
/// Renders a parsed article to HTML that is safe by construction: Markdig escapes text and attributes as always,
/// links and images have their URLs filtered as they are written, and raw HTML is written only through
/// <see cref="SanitizingHtmlBlockRenderer"/> and <see cref="SanitizedHtmlInline"/>. Thread-safe: each call has its own renderer.
/// </summary>
/// <remarks>
/// The pipeline stays Markdig's (so <c>Markdown.ToHtml</c> with it is the benchmark's baseline); the safe renderers
/// replace Markdig's after <see cref="MarkdownPipeline.Setup"/>, which must come first because extensions add and
/// replace renderers there.
/// </remarks>
public sealed class ArticleHtmlRenderer(MarkdownPipeline pipeline)
{
    /// <summary>Renders <paramref name="document"/>, whose inline raw HTML <see cref="InlineHtmlSanitizer"/> has sanitized.</summary>
    public string Render(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        var renderers = renderer.ObjectRenderers;
        Replace<LinkInlineRenderer>(renderers, new SafeLinkInlineRenderer());
        Replace<AutolinkInlineRenderer>(renderers, new SafeAutolinkInlineRenderer());
        Replace<HtmlBlockRenderer>(renderers, new SanitizingHtmlBlockRenderer());
        Replace<HtmlInlineRenderer>(renderers, new SanitizingHtmlInlineRenderer());
        renderers.Add(new SanitizedHtmlInlineRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static void Replace<T>(ObjectRendererCollection renderers, IMarkdownObjectRenderer replacement)
        where T : IMarkdownObjectRenderer
    {
        // An extension that removed or replaced Markdig's renderer would leave raw output unguarded: fail loudly instead.
        if (!renderers.Replace<T>(replacement))
        {
            throw new InvalidOperationException($"The Markdown pipeline has no {typeof(T).Name} to replace with {replacement.GetType().Name}.");
        }
    }
}
