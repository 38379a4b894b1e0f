using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ContentPipeline.Core.Sanitizing;

namespace ContentPipeline.Core.Tests.Sanitizing;

public sealed partial class HtmlFragmentSanitizerTests
{
    private const string HtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly HtmlFragmentSanitizer Sanitizer = new();

    // Parsed the way a browser with scripting on parses the page the output is embedded in.
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
        "style", "srcdoc", "formaction", "xlink:href", "name", "target", "http-equiv",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "cite", "poster", "background", "xlink:href", "data",
        "longdesc", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "icon",
    };

    public static TheoryData<int, string> XssVectors()
    {
        var data = new TheoryData<int, string>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Sanitizing", "xss-vectors.txt"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && !lines[i].StartsWith('#'))
            {
                data.Add(i + 1, lines[i]);
            }
        }

        return data;
    }

    [Fact]
    public void Corpus_has_at_least_100_vectors()
    {
        Assert.True(XssVectors().Count >= 100);
    }

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void Xss_vector_output_is_inert(int line, string vector)
    {
        var output = Sanitizer.Sanitize(ExpandTokens(vector));

        var problems = InertnessProblems(output);

        Assert.True(problems.Count == 0, $"line {line}: {string.Join("; ", problems)}\noutput: {output}");
    }

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void Xss_vector_output_is_stable_when_sanitized_again(int line, string vector)
    {
        // If re-parsing the output built a different tree, a browser could too: that is how mutation XSS works.
        var output = Sanitizer.Sanitize(ExpandTokens(vector));

        var again = Sanitizer.Sanitize(output);

        Assert.True(output == again, $"line {line}\nfirst:  {output}\nsecond: {again}");
    }

    [Fact]
    public void Script_is_removed_with_its_content()
    {
        var output = Sanitizer.Sanitize("<p>before</p><script>alert(1)</script><p>after</p>");

        Assert.Equal("<p>before</p><p>after</p>", output);
    }

    [Fact]
    public void Event_handler_is_removed_and_element_kept()
    {
        var output = Sanitizer.Sanitize("<p onclick=\"alert(1)\" class=\"lead\">Hi</p>");

        Assert.Equal("<p class=\"lead\">Hi</p>", output);
    }

    [Fact]
    public void Javascript_href_is_removed_and_link_text_kept()
    {
        var output = Sanitizer.Sanitize("<a href=\"jav&#x09;ascript:alert(1)\">click</a>");

        Assert.Equal("<a>click</a>", output);
    }

    [Fact]
    public void Url_that_passes_the_scheme_check_but_not_UrlPolicy_is_removed()
    {
        // https is an allowed scheme, but UrlPolicy refuses control characters: the sanitizer must agree with it.
        var output = Sanitizer.Sanitize("<a href=\"https://example.com/a&#1;b\">x</a>");

        Assert.Equal("<a>x</a>", output);
    }

    [Fact]
    public void Table_survives()
    {
        const string html =
            "<table><caption>Prices</caption><thead><tr><th scope=\"col\">Item</th><th>Price</th></tr></thead>"
            + "<tbody><tr><td>Tea</td><td colspan=\"2\">3</td></tr></tbody><tfoot><tr><td>Sum</td><td>3</td></tr></tfoot></table>";

        var output = Sanitizer.Sanitize(html);

        Assert.Equal(html, output);
    }

    [Fact]
    public void Code_block_survives_with_escaped_text_and_language_class()
    {
        const string html = "<pre><code class=\"language-csharp\">if (a &lt; b &amp;&amp; c &gt; d) { }\n</code></pre>";

        var output = Sanitizer.Sanitize(html);

        Assert.Equal(html, output);
    }

    [Fact]
    public void External_link_gets_noopener_noreferrer()
    {
        var output = Sanitizer.Sanitize("<a href=\"https://example.com/page\">Example</a>");

        Assert.Equal("<a href=\"https://example.com/page\" rel=\"noopener noreferrer\">Example</a>", output);
    }

    [Fact]
    public void Protocol_relative_link_counts_as_external()
    {
        var output = Sanitizer.Sanitize("<a href=\"//example.com/page\">Example</a>");

        Assert.Equal("<a href=\"//example.com/page\" rel=\"noopener noreferrer\">Example</a>", output);
    }

    [Fact]
    public void Allowed_rel_tokens_are_kept_and_unknown_ones_dropped()
    {
        var output = Sanitizer.Sanitize("<a href=\"https://example.com/\" rel=\"nofollow opener\">x</a>");

        Assert.Equal("<a href=\"https://example.com/\" rel=\"nofollow noopener noreferrer\">x</a>", output);
    }

    [Fact]
    public void Target_is_dropped()
    {
        var output = Sanitizer.Sanitize("<a href=\"https://example.com/\" target=\"_blank\">x</a>");

        Assert.Equal("<a href=\"https://example.com/\" rel=\"noopener noreferrer\">x</a>", output);
    }

    [Theory]
    [InlineData("<a href=\"/articles/other\">x</a>")]
    [InlineData("<a href=\"other.html#part\">x</a>")]
    [InlineData("<a href=\"#section-2\">x</a>")]
    [InlineData("<a href=\"mailto:editor@example.com\">x</a>")]
    public void Internal_and_mail_links_survive_without_rel(string html)
    {
        var output = Sanitizer.Sanitize(html);

        Assert.Equal(html, output);
    }

    [Fact]
    public void Image_with_https_src_survives()
    {
        const string html = "<img src=\"https://cdn.example.com/a.png\" alt=\"A chart\" width=\"640\" height=\"480\">";

        var output = Sanitizer.Sanitize(html);

        Assert.Equal(html, output);
    }

    [Fact]
    public void Picture_keeps_only_safe_srcset_candidates()
    {
        var output = Sanitizer.Sanitize(
            "<picture><source srcset=\"/a.webp 1x, javascript:alert(1) 2x\" type=\"image/webp\"><img src=\"/a.png\" alt=\"\"></picture>");

        Assert.Equal("<picture><source srcset=\"/a.webp 1x\" type=\"image/webp\"><img src=\"/a.png\" alt=\"\"></picture>", output);
    }

    [Fact]
    public void Footnote_ids_and_classes_survive()
    {
        const string html =
            "<p>Claim<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\"><sup>1</sup></a></p>"
            + "<div class=\"footnotes\"><hr><ol><li id=\"fn:1\"><p>Source.<a href=\"#fnref:1\" class=\"footnote-back-ref\">↩</a></p></li></ol></div>";

        var output = Sanitizer.Sanitize(html);

        Assert.Equal(html, output);
    }

    [Fact]
    public void Heading_ids_details_and_figures_survive()
    {
        const string html =
            "<h2 id=\"getting-started\">Getting started</h2>"
            + "<details open=\"\"><summary>More</summary><p>Hidden <mark>text</mark> with <kbd>Ctrl</kbd>+<kbd>C</kbd>.</p></details>"
            + "<figure><img src=\"/f.png\" alt=\"\"><figcaption>Figure <em>1</em></figcaption></figure>"
            + "<dl><dt>Term</dt><dd>Definition</dd></dl>"
            + "<blockquote cite=\"https://example.com/\"><p>Quote</p></blockquote>"
            + "<p><abbr title=\"HyperText Markup Language\">HTML</abbr> <del>old</del><ins>new</ins> H<sub>2</sub>O x<sup>2</sup></p>";

        var output = Sanitizer.Sanitize(html);

        Assert.Equal(html, output);
    }

    [Fact]
    public void Harmless_wrappers_are_unwrapped_keeping_their_text()
    {
        var output = Sanitizer.Sanitize("<center><font color=\"red\">Big <b>news</b></font></center>");

        Assert.Equal("Big <b>news</b>", output);
    }

    [Fact]
    public void Unwrapped_wrapper_content_is_still_sanitized()
    {
        var output = Sanitizer.Sanitize("<form action=\"javascript:alert(1)\"><p onclick=\"x()\">Text</p><input value=\"v\"></form>");

        Assert.Equal("<p>Text</p>", output);
    }

    [Fact]
    public void Whole_document_gives_body_content_only()
    {
        var output = Sanitizer.Sanitize(
            "<!doctype html><html><head><title>T</title><meta charset=\"utf-8\"><base href=\"https://evil.example/\"></head>"
            + "<body onload=\"alert(1)\"><p>Body</p></body></html>");

        Assert.Equal("<p>Body</p>", output);
    }

    [Fact]
    public void Comments_are_removed()
    {
        var output = Sanitizer.Sanitize("<p>a<!-- secret --></p>");

        Assert.Equal("<p>a</p>", output);
    }

    [Fact]
    public void Name_and_style_attributes_are_removed()
    {
        var output = Sanitizer.Sanitize("<p name=\"x\" style=\"color:red\">a</p>");

        Assert.Equal("<p>a</p>", output);
    }

    [Fact]
    public void Concurrent_calls_give_the_same_results_as_sequential_ones()
    {
        var inputs = XssVectors().Select(row => ExpandTokens((string)row[1])).ToArray();
        var expected = inputs.Select(Sanitizer.Sanitize).ToArray();
        var actual = new string[inputs.Length * 8];

        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = Sanitizer.Sanitize(inputs[i % inputs.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % inputs.Length], actual[i]);
        }
    }

    [Fact]
    public void Inertness_check_catches_an_unsafe_fragment()
    {
        // Guards the guard: the structural check must fail on output that is not inert.
        var problems = InertnessProblems("<a href=\"javascript:alert(1)\" onclick=\"x\">x</a><svg></svg><img srcset=\"/a 1x, data:x 2x\">");

        Assert.Contains(problems, p => p.StartsWith("onclick", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("unsafe href", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("<svg> element", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("unsafe srcset candidate", StringComparison.Ordinal));
    }

    internal static List<string> InertnessProblems(string output)
    {
        var problems = new List<string>();
        using var document = BrowserLikeParser.ParseDocument("<!doctype html><html><head></head><body>" + output);

        foreach (var element in document.All)
        {
            if (element is IHtmlHtmlElement or IHtmlHeadElement or IHtmlBodyElement)
            {
                continue;
            }

            if (element.NamespaceUri != HtmlNamespace)
            {
                problems.Add($"<{element.LocalName}> in namespace {element.NamespaceUri}");
            }

            if (ForbiddenElements.Contains(element.LocalName))
            {
                problems.Add($"<{element.LocalName}> element");
            }

            foreach (var attribute in element.Attributes)
            {
                problems.AddRange(AttributeProblems(element, attribute));
            }
        }

        return problems;
    }

    private static IEnumerable<string> AttributeProblems(IElement element, IAttr attribute)
    {
        var name = attribute.Name;
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{name} on <{element.LocalName}>";
        }

        if (ForbiddenAttributes.Contains(name))
        {
            yield return $"{name} attribute on <{element.LocalName}>";
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

    internal static string ExpandTokens(string vector) => Token().Replace(vector, match => match.Value switch
    {
        "{TAB}" => "\t",
        "{LF}" => "\n",
        "{CR}" => "\r",
        "{FF}" => "\f",
        "{NUL}" => "\0",
        _ => char.ConvertFromUtf32(int.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
    });

    [GeneratedRegex(@"\{(?:TAB|LF|CR|FF|NUL|U\+([0-9A-Fa-f]{4,6}))\}")]
    private static partial Regex Token();
}
