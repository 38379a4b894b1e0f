using System.Text;
using ContentPipeline.Core.Sanitizing;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Rendering.SafeHtml;

/// <summary>
/// Sanitizes the raw HTML tags among the children of one inline container (a paragraph's inlines, an emphasis, a
/// link's text) as one balanced stretch: each <see cref="HtmlInline"/> becomes a <see cref="SanitizedHtmlInline"/>,
/// the content of a dropped element (<c>&lt;script&gt;…&lt;/script&gt;</c>) is removed, and what the stretch opened and
/// left open is closed at the container's end. Nested containers are stretches of their own.
/// </summary>
public static class InlineHtmlSanitizer
{
    /// <summary>Sanitizes the direct children of <paramref name="container"/>; returns whether it had raw HTML.</summary>
    public static bool Sanitize(ContainerInline container)
    {
        ArgumentNullException.ThrowIfNull(container);
        RawHtmlScope? scope = null;
        StringBuilder? output = null;
        RawHtmlWriter? writer = null;
        for (var child = container.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            if (child is HtmlInline html)
            {
                // Most containers have no raw HTML; they cost this loop and nothing else.
                scope ??= new RawHtmlScope();
                output ??= new StringBuilder();
                writer ??= new RawHtmlWriter(output);
                output.Clear();
                RawHtmlSanitizer.Sanitize(html.Tag, scope, writer);
                html.ReplaceBy(new SanitizedHtmlInline(output.ToString()));
            }
            else if (scope is { IsSkipping: true })
            {
                child.Remove();
            }

            child = next;
        }

        if (scope is null || output is null || writer is null)
        {
            return false;
        }

        output.Clear();
        scope.CloseAll(writer);
        if (output.Length > 0)
        {
            container.AppendChild(new SanitizedHtmlInline(output.ToString()));
        }

        return true;
    }
}
