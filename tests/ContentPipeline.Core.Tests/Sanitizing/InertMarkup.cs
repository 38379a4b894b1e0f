using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ContentPipeline.Core.Sanitizing;

namespace ContentPipeline.Core.Tests.Sanitizing;

/// <summary>
/// What the XSS tests call inert markup, checked on the tree a browser builds (an HTML5 parser with scripting on),
/// not on the text: no element that runs or embeds anything, no foreign (SVG/MathML) content, no event handler,
/// no attribute that carries a URL or markup unchecked, and every URL one that <see cref="UrlPolicy"/> accepts once
/// the parser has decoded its character references.
/// </summary>
internal static class InertMarkup
{
    public const string HtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly HtmlParser BrowserLikeParser = new(new HtmlParserOptions { IsScripting = true });

    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "object", "embed", "base", "meta", "link", "style", "svg", "math", "form",
        "input", "button", "textarea", "select", "option", "frame", "frameset", "applet", "param", "noscript",
        "template", "title", "xmp", "noembed", "noframes", "plaintext", "portal", "video", "audio", "isindex",
        "keygen", "dialog", "image", "animate", "set", "use", "foreignobject",
    };

    private static readonly HashSet<string> ForbiddenAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "style", "srcdoc", "formaction", "xlink:href", "name", "target", "http-equiv", "form",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "cite", "poster", "background", "xlink:href", "data",
        "longdesc", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "icon",
    };

    /// <summary>Parses <paramref name="html"/> the way a browser with scripting on does.</summary>
    public static IHtmlDocument Parse(string html) => BrowserLikeParser.ParseDocument(html);

    /// <summary>What is not inert in <paramref name="fragment"/>, embedded in a page's body; empty when it is inert.</summary>
    public static List<string> FragmentProblems(string fragment)
    {
        using var document = Parse("<!doctype html><html><head></head><body>" + fragment);
        return document.Body!.Descendants<IElement>().SelectMany(ElementProblems).ToList();
    }

    /// <summary>What is not inert about <paramref name="element"/> itself (its tag, namespace and attributes).</summary>
    public static IEnumerable<string> ElementProblems(IElement element)
    {
        if (element.NamespaceUri != HtmlNamespace)
        {
            yield return $"<{element.LocalName}> in namespace {element.NamespaceUri}";
        }

        if (ForbiddenElements.Contains(element.LocalName))
        {
            yield return $"<{element.LocalName}> element";
        }

        foreach (var attribute in element.Attributes)
        {
            if (ForbiddenAttributes.Contains(attribute.Name))
            {
                yield return $"{attribute.Name} attribute on <{element.LocalName}>";
            }
        }

        foreach (var problem in ScriptProblems(element))
        {
            yield return problem;
        }
    }

    /// <summary>
    /// The part of the rules that holds for every element of a page, the template's own head included: no event
    /// handler, and no URL attribute (or <c>srcset</c> candidate) that <see cref="UrlPolicy"/> refuses.
    /// </summary>
    public static IEnumerable<string> ScriptProblems(IElement element)
    {
        foreach (var attribute in element.Attributes)
        {
            var name = attribute.Name;
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{name} on <{element.LocalName}>";
            }

            if (UrlAttributes.Contains(name) && !UrlPolicy.IsSafe(attribute.Value))
            {
                yield return $"unsafe {name}=\"{attribute.Value}\" on <{element.LocalName}>";
            }

            if (name.Equals("srcset", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var candidate in attribute.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var url = candidate.Split(' ', 2)[0];
                    if (!UrlPolicy.IsSafe(url))
                    {
                        yield return $"unsafe srcset candidate \"{url}\" on <{element.LocalName}>";
                    }
                }
            }
        }
    }
}
