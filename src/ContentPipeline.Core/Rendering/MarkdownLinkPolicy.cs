using ContentPipeline.Core.Sanitizing;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Rendering;

/// <summary>
/// Makes a Markdown link safe as it is rendered (see <see cref="SafeHtml.SafeLinkInlineRenderer"/>): an unsafe URL
/// (javascript:, data:, …) becomes <c>#</c>, and an external link gets <c>rel="noopener noreferrer"</c>. Markdig
/// escapes the rest, so Markdown without raw HTML needs no sanitizer at all.
/// </summary>
public static class MarkdownLinkPolicy
{
    /// <summary>The rel value external links get.</summary>
    public const string ExternalRel = "noopener noreferrer";

    /// <summary>Rewrites <paramref name="link"/> (a link or an image) in place.</summary>
    public static void Apply(LinkInline link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!UrlPolicy.IsSafe(link.Url))
        {
            link.Url = "#";
        }
        else if (!link.IsImage && UrlPolicy.IsExternal(link.Url))
        {
            link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
        }
    }

    /// <summary>Rewrites <paramref name="autolink"/> (<c>&lt;https://…&gt;</c>) in place.</summary>
    public static void Apply(AutolinkInline autolink)
    {
        ArgumentNullException.ThrowIfNull(autolink);
        if (!UrlPolicy.IsSafe(autolink.Url))
        {
            autolink.Url = "#";
        }
        else if (UrlPolicy.IsExternal(autolink.Url))
        {
            autolink.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
        }
    }
}
