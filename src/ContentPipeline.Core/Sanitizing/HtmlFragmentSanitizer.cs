using System.Collections.Frozen;
using AngleSharp;
using AngleSharp.Dom;
using Ganss.Xss;

namespace ContentPipeline.Core.Sanitizing;

/// <summary>
/// Cleans untrusted HTML fragments (raw HTML inside Markdown, the body of uploaded HTML documents) down to an
/// allow-list of article markup, so the result can be embedded in a page without running anyone's script.
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
    public const string ExternalLinkRel = "noopener noreferrer";

    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "wbr",
        "h1", "h2", "h3", "h4", "h5", "h6",
        "a", "img", "picture", "source",
        "ul", "ol", "li", "dl", "dt", "dd",
        "blockquote", "pre", "code", "kbd", "samp", "var",
        "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
        "abbr", "cite", "q", "dfn", "time", "ruby", "rt", "rp",
        "figure", "figcaption",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
        "details", "summary",
        "span", "div", "section", "article", "aside", "header", "footer", "nav", "main", "address",
    ];

    /// <summary>
    /// Not allowed, but only wrappers around text: dropping them with their content would lose the article's
    /// words for nothing, so their children take their place. Everything else that is not allowed is removed
    /// whole, because its content is script, CSS, a nested document or foreign (SVG/MathML) markup.
    /// </summary>
    private static readonly FrozenSet<string> UnwrappedTags = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "font", "center", "big", "tt", "strike", "acronym", "nobr", "blink", "marquee",
        "form", "fieldset", "legend", "label");

    private static readonly string[] AllowedAttributes =
    [
        "id", "class", "title", "lang", "dir",
        "href", "rel", "hreflang", "type",
        "src", "srcset", "sizes", "media", "alt", "width", "height", "loading", "decoding",
        "cite", "datetime",
        "start", "reversed", "value",
        "colspan", "rowspan", "headers", "scope", "span", "abbr",
        "open",
    ];

    /// <summary>
    /// Every attribute a browser resolves as a URL. Only the allowed ones can reach the URL check, but listing
    /// them all means widening <see cref="AllowedAttributes"/> later cannot let an unchecked URL through.
    /// </summary>
    private static readonly string[] UriAttributes =
    [
        "href", "src", "cite", "poster", "action", "formaction", "background", "data", "longdesc",
        "lowsrc", "dynsrc", "icon", "manifest", "codebase", "xlink:href",
    ];

    private static readonly string[] UriListAttributes = ["srcset", "ping", "archive"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>rel tokens an author may keep; others (e.g. "opener") could weaken the page.</summary>
    private static readonly FrozenSet<string> AllowedRelTokens = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "nofollow", "ugc", "sponsored", "noopener", "noreferrer", "external", "license", "tag");

    private readonly HtmlSanitizer sanitizer;

    /// <summary>Builds the sanitizer with the policy described on the class.</summary>
    public HtmlFragmentSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(UriAttributes, StringComparer.OrdinalIgnoreCase),
            UriListAttributes = new HashSet<string>(UriListAttributes, StringComparer.OrdinalIgnoreCase),

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
        if (tag.NamespaceUri != HtmlNamespace || !UnwrappedTags.Contains(tag.LocalName))
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

    /// <summary>
    /// Keeps only known rel tokens, on links only, and makes sure links leaving the site carry
    /// noopener/noreferrer so the target cannot reach back through window.opener or see the referrer.
    /// </summary>
    private static void SetRel(IElement element)
    {
        var isLink = element.NamespaceUri == HtmlNamespace && element.LocalName == "a";
        if (!isLink)
        {
            element.RemoveAttribute("rel");
            return;
        }

        var tokens = (element.GetAttribute("rel") ?? string.Empty)
            .Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries)
            .Where(AllowedRelTokens.Contains)
            .Select(token => token.ToLowerInvariant())
            .ToList();

        if (UrlPolicy.IsExternal(element.GetAttribute("href")))
        {
            tokens.RemoveAll(token => token is "noopener" or "noreferrer");
            tokens.AddRange(ExternalLinkRel.Split(' '));
        }

        var rel = string.Join(' ', tokens.Distinct(StringComparer.Ordinal));
        if (rel.Length == 0)
        {
            element.RemoveAttribute("rel");
        }
        else
        {
            element.SetAttribute("rel", rel);
        }
    }
}
