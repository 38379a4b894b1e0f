using ContentPipeline.Core.Sanitizing;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Rendering;

/// <summary>
/// Makes the links of a parsed Markdown document safe before rendering: unsafe URLs (javascript:, data:, …)
/// become <c>#</c>, and external links get <c>rel="noopener noreferrer"</c>. Working on the syntax tree means
/// documents without raw HTML need no HTML sanitizer pass at all.
/// </summary>
public static class MarkdownLinkPolicy
{
    /// <summary>The rel value external links get.</summary>
    public const string ExternalRel = "noopener noreferrer";

    /// <summary>Rewrites the links of <paramref name="document"/> in place.</summary>
    public static void Apply(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    if (!UrlPolicy.IsSafe(link.Url))
                    {
                        link.Url = "#";
                    }
                    else if (!link.IsImage && UrlPolicy.IsExternal(link.Url))
                    {
                        link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
                    }

                    break;
                case AutolinkInline autolink:
                    if (!UrlPolicy.IsSafe(autolink.Url))
                    {
                        autolink.Url = "#";
                    }
                    else if (UrlPolicy.IsExternal(autolink.Url))
                    {
                        autolink.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
                    }

                    break;
            }
        }
    }
}
