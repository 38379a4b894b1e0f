using System.Collections.Concurrent;
using System.Globalization;
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
/// <see cref="SanitizingHtmlBlockRenderer"/> and <see cref="SanitizedHtmlInline"/>. Thread-safe: a call takes a renderer
/// of its own from a small pool, as <c>Markdown.ToHtml</c> does, since setting one up costs as much as rendering a short article.
/// </summary>
/// <remarks>
/// The pipeline stays Markdig's (so <c>Markdown.ToHtml</c> with it is the benchmark's baseline); the safe renderers
/// replace Markdig's after <see cref="MarkdownPipeline.Setup"/>, which must come first because extensions add and
/// replace renderers there.
/// </remarks>
public sealed class ArticleHtmlRenderer(MarkdownPipeline pipeline)
{
    private readonly ConcurrentBag<PooledRenderer> pool = [];

    /// <summary>Renders <paramref name="document"/>, whose inline raw HTML <see cref="InlineHtmlSanitizer"/> has sanitized.</summary>
    public string Render(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var renderer = pool.TryTake(out var pooled) ? pooled : Create();

        // A render that throws (the nesting limit) leaves the renderer half-way; it is dropped, not pooled again.
        renderer.Render(document);
        var html = renderer.TakeOutput();
        pool.Add(renderer);
        return html;
    }

    private PooledRenderer Create()
    {
        var renderer = new PooledRenderer();
        pipeline.Setup(renderer);
        var renderers = renderer.ObjectRenderers;
        Replace<LinkInlineRenderer>(renderers, new SafeLinkInlineRenderer());
        Replace<AutolinkInlineRenderer>(renderers, new SafeAutolinkInlineRenderer());
        Replace<HtmlBlockRenderer>(renderers, new SanitizingHtmlBlockRenderer());
        Replace<HtmlInlineRenderer>(renderers, new SanitizingHtmlInlineRenderer());
        renderers.Add(new SanitizedHtmlInlineRenderer());
        return renderer;
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

    /// <summary>An HTML renderer writing to a string, which can be emptied and used again (Markdig's own reset).</summary>
    private sealed class PooledRenderer() : HtmlRenderer(new StringWriter(CultureInfo.InvariantCulture))
    {
        /// <summary>The HTML written since the last call, leaving the renderer as new (empty writer, no indent, at a line start).</summary>
        public string TakeOutput()
        {
            Writer.Flush();
            var html = Writer.ToString() ?? "";
            Reset();
            return html;
        }
    }
}
