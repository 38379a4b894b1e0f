using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Rendering.SafeHtml;
using ContentPipeline.Core.Sanitizing;
using ContentPipeline.Core.Tests.Parsing;
using Markdig;
using ContentPipeline.Testing;

namespace ContentPipeline.Core.Tests.Sanitizing;

/// <summary>
/// The node-by-node sanitizer of raw HTML in Markdown: the whole XSS corpus through it alone, as an HTML block and
/// inline in a paragraph of a Markdown article, then its policy and its balancing one behaviour at a time.
/// </summary>
public sealed class RawHtmlSanitizerTests
{
    [Theory]
    [MemberData(nameof(HtmlFragmentSanitizerTests.XssVectors), MemberType = typeof(HtmlFragmentSanitizerTests))]
    public void Xss_vector_output_is_inert(string name)
    {
        var output = RawHtmlSanitizer.Sanitize(XssCorpus.Named(name).Source);

        var problems = InertMarkup.FragmentProblems(output);

        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}\noutput: {output}");
    }

    [Theory]
    [MemberData(nameof(HtmlFragmentSanitizerTests.XssVectors), MemberType = typeof(HtmlFragmentSanitizerTests))]
    public void Xss_vector_output_is_stable_when_sanitized_again(string name)
    {
        var output = RawHtmlSanitizer.Sanitize(XssCorpus.Named(name).Source);

        var again = RawHtmlSanitizer.Sanitize(output);

        Assert.True(output == again, $"{name}\nfirst:  {output}\nsecond: {again}");
    }

    [Theory]
    [MemberData(nameof(HtmlFragmentSanitizerTests.XssVectors), MemberType = typeof(HtmlFragmentSanitizerTests))]
    public void Xss_vector_as_a_markdown_html_block_renders_inert(string name)
    {
        AssertRendersInert(name, "# Title\n\n" + XssCorpus.Named(name).Source + "\n\nAfter.");
    }

    [Theory]
    [MemberData(nameof(HtmlFragmentSanitizerTests.XssVectors), MemberType = typeof(HtmlFragmentSanitizerTests))]
    public void Xss_vector_inline_in_markdown_renders_inert(string name)
    {
        AssertRendersInert(name, "# Title\n\nBefore *it* " + XssCorpus.Named(name).Source + " and **after** [a link](/x).");
    }

    private static void AssertRendersInert(string name, string source)
    {
        var parsed = ParserTestSupport.Parse(source);
        if (source.Contains('\0', StringComparison.Ordinal))
        {
            // A NUL byte makes the whole file binary to the decoder: refused before any HTML is looked at.
            Assert.False(parsed.IsSuccess);
            return;
        }

        Assert.True(parsed.IsSuccess, parsed.Error?.ToString());
        var body = parsed.Article.BodyHtml;

        var problems = InertMarkup.FragmentProblems(body);

        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}\nbody: {body}");
    }

    [Theory]
    [InlineData("<p onclick=\"alert(1)\" class=\"lead\">Hi</p>", "<p class=\"lead\">Hi</p>")]
    [InlineData("<p>before</p><script>alert(1)</script><p>after</p>", "<p>before</p><p>after</p>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">click</a>", "<a>click</a>")]
    [InlineData("<a href=\"https://example.com/\" rel=\"nofollow opener\" target=\"_blank\">x</a>", "<a href=\"https://example.com/\" rel=\"nofollow noopener noreferrer\">x</a>")]
    [InlineData("<span rel=\"nofollow\">x</span>", "<span>x</span>")]
    [InlineData("<img src=\"https://cdn.example.com/a.png\" alt=\"A &amp; B\" width=\"640\">", "<img src=\"https://cdn.example.com/a.png\" alt=\"A &amp; B\" width=\"640\">")]
    [InlineData("<source srcset=\"/a.webp 1x, javascript:alert(1) 2x, /b.webp 2x\">", "<source srcset=\"/a.webp 1x, /b.webp 2x\">")]
    [InlineData("<center><font color=\"red\">Big <b>news</b></font></center>", "Big <b>news</b>")]
    [InlineData("<p>a<!-- secret --></p>", "<p>a</p>")]
    [InlineData("<p name=\"x\" style=\"color:red\">a</p>", "<p>a</p>")]
    [InlineData("<textarea><p>not markup</p></textarea>kept", "kept")]
    [InlineData("<svg><style><img src=x onerror=alert(1)></style></svg>kept", "kept")]
    [InlineData("<input value=\"x\">kept", "kept")]
    [InlineData("1 < 2 & 3 > 2", "1 &lt; 2 &amp; 3 &gt; 2")]
    public void Policy_matches_the_whole_page_sanitizer(string html, string expected)
    {
        Assert.Equal(expected, RawHtmlSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<div><b>open", "<div><b>open</b></div>")]
    [InlineData("</div>stray<p>x</p></span>", "stray<p>x</p>")]
    [InlineData("<div><p>a</div>b", "<div><p>a</p></div>b")]
    [InlineData("<div/>self-closing is ignored", "<div>self-closing is ignored</div>")]
    public void Output_is_balanced(string html, string expected)
    {
        Assert.Equal(expected, RawHtmlSanitizer.Sanitize(html));
    }

    [Fact]
    public void Hostile_nesting_is_capped_and_stays_linear()
    {
        // Unbounded, matching each of the 50,000 stray end tags against 50,000 open elements would take minutes.
        var html = string.Concat(Enumerable.Repeat("<b>", 50_000)) + "text" + string.Concat(Enumerable.Repeat("</i>", 50_000));

        var output = RawHtmlSanitizer.Sanitize(html);

        Assert.Equal(RawHtmlScope.MaxOpenElements, output.Split("<b>").Length - 1);
        Assert.Equal(RawHtmlScope.MaxOpenElements, output.Split("</b>").Length - 1);
        Assert.Contains("text", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_tags_are_balanced_within_their_paragraph()
    {
        var body = ParserTestSupport.ParseValid("One <b>bold\n\nTwo </b> plain.").BodyHtml;

        Assert.Equal("<p>One <b>bold</b></p>\n<p>Two  plain.</p>\n", body);
    }

    [Fact]
    public void Inline_tags_are_balanced_within_their_emphasis()
    {
        var body = ParserTestSupport.ParseValid("*a <b>b* c</b>").BodyHtml;

        Assert.Equal("<p><em>a <b>b</b></em> c</p>\n", body);
    }

    [Fact]
    public void Content_of_an_inline_script_is_dropped_with_it()
    {
        var article = ParserTestSupport.ParseValid("Hello <script>steal(*document*)</script> world.");

        Assert.Equal("<p>Hello  world.</p>\n", article.BodyHtml);
        Assert.Equal("Hello world.", article.Metadata.Summary);
        Assert.Equal(2, article.WordCount);
    }

    [Fact]
    public void Safe_inline_html_survives_with_its_markdown_around_it()
    {
        var body = ParserTestSupport.ParseValid("Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, <abbr title=\"x &quot;y&quot;\">XY</abbr> and *more*.").BodyHtml;

        Assert.Equal("<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, <abbr title=\"x &quot;y&quot;\">XY</abbr> and <em>more</em>.</p>\n", body);
    }

    [Fact]
    public void An_html_block_is_sanitized_as_a_balanced_piece()
    {
        var body = ParserTestSupport.ParseValid("<details>\n<summary>More</summary>\n\nMarkdown *inside*.\n\n</details>\n\nAfter.").BodyHtml;

        // Each block is balanced on its own: the Markdown between the two tags ends up after the element, not inside it.
        Assert.Equal("<details>\n<summary>More</summary></details>\n<p>Markdown <em>inside</em>.</p>\n\n<p>After.</p>\n", body);
    }

    [Fact]
    public void Table_alignment_survives_next_to_raw_html()
    {
        // The whole-page sanitizer used to strip Markdig's style attributes from pages with raw HTML, and only from those.
        var body = ParserTestSupport.ParseValid("<mark>x</mark>\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |").BodyHtml;

        Assert.Contains("<th style=\"text-align: right;\">a</th>", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_inline_html_the_sanitizing_pass_missed_is_still_sanitized_when_rendered()
    {
        // Rendered without the pass: the fallback renderer must never write the author's tag as it is.
        var pipeline = MarkdownPipelineFactory.Create();
        var document = Markdown.Parse("Hello <img src=x onerror=alert(1)> <b>world", pipeline);

        var html = new ArticleHtmlRenderer(pipeline).Render(document);

        Assert.Equal("<p>Hello <img src=\"x\"> <b></b>world</p>\n", html);
    }

    [Fact]
    public void Links_are_filtered_by_the_renderer()
    {
        var pipeline = MarkdownPipelineFactory.Create();
        var document = Markdown.Parse("[x](javascript:alert(1)) [y](https://example.com/) <https://auto.example/> ![i](data:text/html,x)", pipeline);

        var html = new ArticleHtmlRenderer(pipeline).Render(document);

        Assert.Equal(
            "<p><a href=\"#\">x</a> <a href=\"https://example.com/\" rel=\"noopener noreferrer\">y</a> <a href=\"https://auto.example/\" rel=\"noopener noreferrer\">https://auto.example/</a> <img src=\"#\" alt=\"i\" /></p>\n",
            html);
    }

    [Fact]
    public void A_reused_renderer_gives_the_same_html_as_a_new_one()
    {
        string[] sources = ["> quote\n> - item\n>   ```\n>   code\n>   ```", "Plain *text*.", "- a\n  - b\n\n<div>x</div>", "> quote\n> - item\n>   ```\n>   code\n>   ```"];
        var pipeline = MarkdownPipelineFactory.Create();
        var reused = new ArticleHtmlRenderer(pipeline);

        foreach (var source in sources)
        {
            Assert.Equal(new ArticleHtmlRenderer(pipeline).Render(Markdown.Parse(source, pipeline)), reused.Render(Markdown.Parse(source, pipeline)));
        }
    }

    [Fact]
    public void Markdown_without_links_or_raw_html_renders_exactly_as_markdig_does()
    {
        const string markdown = "## Heading\n\nText with *emphasis*, `code`, 1 < 2 & a > b.\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n- [x] done\n\n```cs\nif (a < b) { }\n```\n\nA note[^1].\n\n[^1]: The note.";
        var pipeline = MarkdownPipelineFactory.Create();

        var ours = new ArticleHtmlRenderer(pipeline).Render(Markdown.Parse(markdown, pipeline));

        Assert.Equal(Markdown.ToHtml(markdown, pipeline), ours);
    }
}
