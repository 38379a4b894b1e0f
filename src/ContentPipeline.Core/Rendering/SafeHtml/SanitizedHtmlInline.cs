using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Rendering.SafeHtml;

/// <summary>
/// Inline raw HTML that <see cref="InlineHtmlSanitizer"/> has already sanitized, written as it is by
/// <see cref="SanitizedHtmlInlineRenderer"/>. It replaces Markdig's <see cref="HtmlInline"/> in the tree, and only this
/// type is ever written unescaped, so raw inline HTML that the sanitizing pass missed cannot reach a page.
/// </summary>
public sealed class SanitizedHtmlInline(string html) : LeafInline
{
    /// <summary>Safe HTML: allowed tags and escaped text only.</summary>
    public string Html { get; } = html;
}
