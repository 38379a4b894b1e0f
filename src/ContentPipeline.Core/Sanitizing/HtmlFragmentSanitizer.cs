using AngleSharp;
using AngleSharp.Dom;
using Ganss.Xss;

namespace ContentPipeline.Core.Sanitizing;

/// <summary>
/// Cleans whole untrusted HTML documents or fragments (the body of uploaded HTML articles) down to an allow-list of
/// article markup, so the result can be embedded in a page without running anyone's script. Raw HTML inside Markdown
/// takes the cheaper <see cref="RawHtmlSanitizer"/>, node by node, with the same allow-list (<see cref="HtmlPolicy"/>).
/// </summary>
/// <remarks>
/// <para>
/// Policy: ordinary article elements survive (text structure, lists, tables, code, quotes, figures, images,
/// details/summary, sectioning elements); scripting, embedding, styling, form and foreign-content elements
/// (script, style, iframe, object, embed, base, meta, link, form controls, svg, math, template, …) are removed
/// together with their content. A few harmless legacy or form wrappers (font, center, form, label, …) are
/// unwrapped instead, so their text is not lost. Attributes are allow-listed: no <c>on*</c> handlers, no
/// <c>style</c>, no <c>name</c>, no <c>target</c>; <c>id</c> and <c>class</c> are kept because footnotes,
/// heading anchors and code highlighting need them. URL attributes must pass <see cref="UrlPolicy.IsSafe"/>;
/// failing ones are removed (a <c>srcset</c> loses only its failing candidates). Links that leave the site
/// (<see cref="UrlPolicy.IsExternal"/>) get <c>rel="noopener noreferrer"</c>. Comments are removed.
/// </para>
/// <para>
/// The configured <see cref="HtmlSanitizer"/> is built once and never changed afterwards, which is the
/// condition under which its <c>Sanitize</c> methods are documented as thread-safe. The event handlers attached
/// to it are static and keep no state, and the link rewriting happens on the per-call document, so one
/// instance can serve concurrent calls.
/// </para>
/// </remarks>
public sealed class HtmlFragmentSanitizer
{
    private const string HtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>The rel value links leaving the site get.</summary>
    public const string ExternalLinkRel = HtmlPolicy.ExternalLinkRel;

    private readonly HtmlSanitizer sanitizer;

    /// <summary>Builds the sanitizer with the policy described on the class.</summary>
    public HtmlFragmentSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(HtmlPolicy.AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(HtmlPolicy.AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(HtmlPolicy.AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(HtmlPolicy.UriAttributes, StringComparer.OrdinalIgnoreCase),
            UriListAttributes = new HashSet<string>(HtmlPolicy.UriListAttributes, StringComparer.OrdinalIgnoreCase),

            // No style attribute or element survives, so no CSS is ever emitted; empty sets make that explicit.
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),

            // Empty means every class is allowed (footnote-ref, language-csharp, …).
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal),
            AllowCssCustomProperties = false,
            AllowDataAttributes = false,
        };

        sanitizer = new HtmlSanitizer(options) { KeepChildNodes = false };
        sanitizer.FilterUrl += ApplyUrlPolicy;
        sanitizer.RemovingTag += UnwrapTextWrappers;
    }

    /// <summary>
    /// Returns <paramref name="html"/> reduced to the allowed markup. A whole document may be passed; only its
    /// body content is returned.
    /// </summary>
    public string Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);

        using var document = sanitizer.SanitizeDom(html);
        var body = document.Body;
        if (body is null)
        {
            return string.Empty;
        }

        foreach (var element in body.QuerySelectorAll("[rel], a[href]"))
        {
            SetRel(element);
        }

        return body.ChildNodes.ToHtml(sanitizer.OutputFormatter);
    }

    private static void ApplyUrlPolicy(object? sender, FilterUrlEventArgs e)
    {
        // The library has already screened the scheme; asking UrlPolicy as well keeps this sanitizer and the
        // Markdown link policy in agreement on what a safe URL is.
        if (!UrlPolicy.IsSafe(e.OriginalUrl))
        {
            e.SanitizedUrl = null;
        }
    }

    private static void UnwrapTextWrappers(object? sender, RemovingTagEventArgs e)
    {
        var tag = e.Tag;
        if (tag.NamespaceUri != HtmlNamespace || !HtmlPolicy.UnwrappedTags.Contains(tag.LocalName))
        {
            return;
        }

        e.Cancel = true;
        if (tag.HasChildNodes)
        {
            // The children stay in the tree the library is walking, so their own tags and attributes are still
            // checked after this.
            tag.Replace([.. tag.ChildNodes]);
        }
        else
        {
            tag.Remove();
        }
    }

    /// <summary>Applies <see cref="HtmlPolicy.Rel"/>: known rel tokens on links only, noopener/noreferrer on links leaving the site.</summary>
    private static void SetRel(IElement element)
    {
        var isLink = element.NamespaceUri == HtmlNamespace && element.LocalName == "a";
        if (HtmlPolicy.Rel(isLink, element.GetAttribute("rel"), element.GetAttribute("href")) is { } rel)
        {
            element.SetAttribute("rel", rel);
        }
        else
        {
            element.RemoveAttribute("rel");
        }
    }
}
