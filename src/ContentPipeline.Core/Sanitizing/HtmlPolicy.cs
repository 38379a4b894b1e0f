using System.Collections.Frozen;
using AngleSharp.Html.Parser;

namespace ContentPipeline.Core.Sanitizing;

/// <summary>
/// The one allow-list of article markup, shared by <see cref="HtmlFragmentSanitizer"/> (uploaded HTML documents) and
/// <see cref="RawHtmlSanitizer"/> (raw HTML inside Markdown), so both keep and drop the same elements and attributes.
/// </summary>
internal static class HtmlPolicy
{
    /// <summary>The rel value links leaving the site get.</summary>
    public const string ExternalLinkRel = "noopener noreferrer";

    public static readonly string[] AllowedTags =
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

    public static readonly FrozenSet<string> AllowedTagSet = AllowedTags.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Not allowed, but only wrappers around text: dropping them with their content would lose the article's
    /// words for nothing, so their children take their place. Everything else that is not allowed is removed
    /// whole, because its content is script, CSS, a nested document or foreign (SVG/MathML) markup.
    /// </summary>
    public static readonly FrozenSet<string> UnwrappedTags = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "font", "center", "big", "tt", "strike", "acronym", "nobr", "blink", "marquee",
        "form", "fieldset", "legend", "label");

    public static readonly string[] AllowedAttributes =
    [
        "id", "class", "title", "lang", "dir",
        "href", "rel", "hreflang", "type",
        "src", "srcset", "sizes", "media", "alt", "width", "height", "loading", "decoding",
        "cite", "datetime",
        "start", "reversed", "value",
        "colspan", "rowspan", "headers", "scope", "span", "abbr",
        "open",
    ];

    public static readonly FrozenSet<string> AllowedAttributeSet = AllowedAttributes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every attribute a browser resolves as a URL. Only the allowed ones can reach the URL check, but listing
    /// them all means widening <see cref="AllowedAttributes"/> later cannot let an unchecked URL through.
    /// </summary>
    public static readonly string[] UriAttributes =
    [
        "href", "src", "cite", "poster", "action", "formaction", "background", "data", "longdesc",
        "lowsrc", "dynsrc", "icon", "manifest", "codebase", "xlink:href",
    ];

    public static readonly FrozenSet<string> UriAttributeSet = UriAttributes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly string[] UriListAttributes = ["srcset", "ping", "archive"];

    public static readonly FrozenSet<string> UriListAttributeSet = UriListAttributes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>rel tokens an author may keep; others (e.g. "opener") could weaken the page.</summary>
    public static readonly FrozenSet<string> AllowedRelTokens = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "nofollow", "ugc", "sponsored", "noopener", "noreferrer", "external", "license", "tag");

    /// <summary>Elements that never have content or an end tag; one that is not allowed is dropped alone.</summary>
    public static readonly FrozenSet<string> VoidTags = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr");

    /// <summary>
    /// Elements whose content a browser does not read as markup (script, CSS, text areas, …), with the tokenizer state
    /// that reads it the same way. None is allowed; their content is skipped up to the end tag a browser would see.
    /// </summary>
    public static readonly FrozenDictionary<string, HtmlParseMode> RawTextTags = new Dictionary<string, HtmlParseMode>(StringComparer.OrdinalIgnoreCase)
    {
        ["script"] = HtmlParseMode.Script,
        ["style"] = HtmlParseMode.Rawtext,
        ["xmp"] = HtmlParseMode.Rawtext,
        ["iframe"] = HtmlParseMode.Rawtext,
        ["noembed"] = HtmlParseMode.Rawtext,
        ["noframes"] = HtmlParseMode.Rawtext,
        ["noscript"] = HtmlParseMode.Rawtext,
        ["textarea"] = HtmlParseMode.RCData,
        ["title"] = HtmlParseMode.RCData,
        ["plaintext"] = HtmlParseMode.Plaintext,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The rel value an element keeps: on links only, known tokens only, and noopener/noreferrer when
    /// <paramref name="href"/> leaves the site (so the target cannot reach back through window.opener or see the
    /// referrer). Null when the element gets no rel.
    /// </summary>
    public static string? Rel(bool isLink, string? rel, string? href)
    {
        if (!isLink)
        {
            return null;
        }

        var tokens = (rel ?? string.Empty)
            .Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries)
            .Where(AllowedRelTokens.Contains)
            .Select(token => token.ToLowerInvariant())
            .ToList();

        if (UrlPolicy.IsExternal(href))
        {
            tokens.RemoveAll(token => token is "noopener" or "noreferrer");
            tokens.AddRange(ExternalLinkRel.Split(' '));
        }

        var value = string.Join(' ', tokens.Distinct(StringComparer.Ordinal));
        return value.Length == 0 ? null : value;
    }
}
