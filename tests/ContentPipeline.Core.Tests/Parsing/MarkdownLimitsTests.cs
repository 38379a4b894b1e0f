using System.Text;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Rendering.Limits;
using ContentPipeline.Core.Sanitizing;
using static ContentPipeline.Core.Tests.Parsing.ParserTestSupport;

namespace ContentPipeline.Core.Tests.Parsing;

/// <summary>
/// Markdown built to hurt parsers: each source either renders or fails with its line, within the hang guard. The
/// sources sit above the limits by orders of magnitude; without the limits several of them take minutes.
/// </summary>
public sealed class MarkdownLimitsTests
{
    private const string Heading = "# T\n\n";

    public static TheoryData<string, string> DeepLines => new()
    {
        { "block quotes", new string('>', 100_000) + " deep" },
        { "spaced block quotes", Repeat("> ", 100_000) + "deep" },
        { "bullet lists", Repeat("- ", 100_000) + "deep" },
        { "star lists", Repeat("* ", 100_000) + "deep" },
        { "ordered lists", Repeat("1. ", 100_000) + "deep" },
        { "quotes in lists", Repeat("> - ", 50_000) + "deep" },
    };

    public static TheoryData<string, string> CrowdedParagraphs => new()
    {
        { "emphasis openers", Repeat("*a **a ", 10_000) },
        { "underscore openers", Repeat("_a __a ", 10_000) },
        { "closed emphasis", Repeat("*a* ", 10_000) },
        { "extra emphasis", Repeat("~a ^a ==a== ++a++ ", 10_000) },
        { "open brackets", new string('[', 100_000) + "a" },
        { "nested links", Repeat("[", 10_000) + "a" + Repeat("](u)", 10_000) },
        { "unfinished inline links", Repeat("[a](", 100_000) },
        { "open images", Repeat("![", 100_000) },
        { "bare URLs", Repeat("www.example.com ", 10_000) },
        { "bare URLs after escapes", Repeat("\\!", 100_000) + Repeat(" https://example.com", 1_000) },
        { "table cells", "|a|b|\n|-|-|\n" + Repeat("|[a](/u)|*b*|\n", 10_000) },
    };

    [Theory]
    [MemberData(nameof(DeepLines))]
    public async Task A_line_nesting_past_the_limit_fails_on_its_line(string what, string line)
    {
        var result = await ParseWithinHangGuardAsync("Before.\n\n" + line);

        Assert.False(result.IsSuccess, what);
        Assert.Equal(3, result.Error.Line);
        Assert.Contains($"deeper than {MarkdownPipelineFactory.MaximumNestingDepth} levels", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_quotes_up_to_the_limit_render()
    {
        var html = ParseValid(new string('>', MarkdownPipelineFactory.MaximumNestingDepth - 1) + " deep").BodyHtml;

        Assert.Contains("deep", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_nested_by_indentation_fail_on_the_line_past_the_limit()
    {
        var text = string.Join('\n', Enumerable.Range(0, 1_000).Select(i => new string(' ', 2 * i) + "- item"));

        var result = await ParseWithinHangGuardAsync(text);

        Assert.False(result.IsSuccess);
        Assert.Contains("deeper than", result.Error.Message, StringComparison.Ordinal);
        Assert.InRange(result.Error.Line ?? 0, 2, 64);
    }

    [Fact]
    public async Task A_line_of_many_dashes_is_a_rule_not_a_deep_list()
    {
        var result = await ParseWithinHangGuardAsync("Before.\n\n" + Repeat("- ", 100_000));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Contains("<hr />", result.Article.BodyHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("letters", 'a')]
    [InlineData("stars", '*')]
    [InlineData("backticks", '`')]
    [InlineData("pipes", '|')]
    [InlineData("brackets", ']')]
    public async Task A_one_megabyte_line_renders(string what, char c)
    {
        var result = await ParseWithinHangGuardAsync(Heading + "x " + new string(c, 1_000_000));

        Assert.True(result.IsSuccess, $"{what}: {result.Error}");
    }

    [Fact]
    public async Task A_table_of_ten_thousand_columns_renders()
    {
        var table = Repeat("|h", 10_000) + "|\n" + Repeat("|-", 10_000) + "|\n" + Repeat("|c", 10_000) + "|\n";

        var result = await ParseWithinHangGuardAsync(Heading + table);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(10_000, CountOf(result.Article.BodyHtml, "<th>"));
        Assert.Equal(10_000, CountOf(result.Article.BodyHtml, "<td>"));
    }

    [Theory]
    [MemberData(nameof(CrowdedParagraphs))]
    public async Task A_paragraph_or_table_with_too_many_inline_markers_fails_on_its_line(string what, string paragraph)
    {
        var result = await ParseWithinHangGuardAsync(Heading + paragraph);

        Assert.False(result.IsSuccess, what);
        Assert.InRange(result.Error.Line ?? 0, 3, 3 + 1_000);
        Assert.Contains($"more than {MarkdownLimitsExtension.MaximumInlineMarkersPerBlock} emphasis markers", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_at_the_inline_marker_limit_renders_and_one_more_fails()
    {
        // "*a*" is two markers: the opening and the closing run.
        var atLimit = Repeat("*a* ", MarkdownLimitsExtension.MaximumInlineMarkersPerBlock / 2);

        Assert.Contains("<em>a</em>", ParseValid(Heading + atLimit).BodyHtml, StringComparison.Ordinal);
        Assert.Equal(3, ParseInvalid(Heading + atLimit + "[a](/u)").Line);
    }

    [Fact]
    public void Inline_markers_are_counted_per_paragraph()
    {
        var paragraph = Repeat("*a* [b](/u) ", MarkdownLimitsExtension.MaximumInlineMarkersPerBlock / 4);

        var article = ParseValid(Heading + string.Join("\n\n", Enumerable.Repeat(paragraph, 20)));

        Assert.Equal(20 * MarkdownLimitsExtension.MaximumInlineMarkersPerBlock / 4, CountOf(article.BodyHtml, "<em>a</em>"));
    }

    [Fact]
    public void Punctuation_that_cannot_open_or_close_emphasis_is_not_counted()
    {
        var prose = Repeat("He said \"2 * 3 = 6\" + snake_case_name ~ ok ^ x. ", 2_000);

        var article = ParseValid(Heading + prose);

        Assert.Contains("snake_case_name", article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtick_runs_of_every_length_render()
    {
        var runs = string.Concat(Enumerable.Range(1, 500).Select(n => "a" + new string('`', n)));

        var result = await ParseWithinHangGuardAsync(Heading + runs);

        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    [Fact]
    public async Task Duplicate_headings_past_the_limit_fail_on_the_first_one_too_many()
    {
        var result = await ParseWithinHangGuardAsync(Repeat("## Same\n\n", 100_000));

        Assert.False(result.IsSuccess);
        Assert.Equal((2 * MarkdownLimitsExtension.MaximumHeadings) + 1, result.Error.Line);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"more than {MarkdownLimitsExtension.MaximumHeadings:N0} headings"), result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identical_headings_up_to_the_limit_get_unique_ids()
    {
        var result = await ParseWithinHangGuardAsync("Intro.\n\n" + Repeat("## Same\n\nText.\n\nSame\n---\n\n", MarkdownLimitsExtension.MaximumHeadings / 2));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Contains($"id=\"same-{MarkdownLimitsExtension.MaximumHeadings - 1}\"", result.Article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_reference_definitions_past_the_limit_fail_on_the_first_one_too_many()
    {
        var definitions = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"[r{i}]: /u{i}\n"));

        var result = await ParseWithinHangGuardAsync(Heading + definitions + "\n[r0]");

        Assert.False(result.IsSuccess);
        Assert.Equal(3 + MarkdownLimitsExtension.MaximumLinkReferenceDefinitions, result.Error.Line);
        Assert.Contains("link reference definitions", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_reference_definitions_up_to_the_limit_and_any_number_of_footnotes_render()
    {
        var count = MarkdownLimitsExtension.MaximumLinkReferenceDefinitions;
        var text = Heading + "[last][r" + (count - 1) + "] and a note[^n1].\n\n"
            + string.Concat(Enumerable.Range(0, count).Select(i => $"[r{i}]: /u{i}\n"))
            + "\n" + string.Concat(Enumerable.Range(0, count + 1).Select(i => $"[^n{i}]: Note {i}.\n"));

        var html = ParseValid(text).BodyHtml;

        Assert.Contains($"href=\"/u{count - 1}\"", html, StringComparison.Ordinal);
    }

    // Raw HTML in Markdown is sanitized node by node, and the sanitizer keeps at most MaxOpenElements open: deeper
    // tags are dropped and their text kept, so 100,000 levels cost no more than a flat document of the same size.
    [Theory]
    [InlineData("<div>\n", "<div")]
    [InlineData("<div>", "<div")]
    [InlineData("<span>", "<span")]
    [InlineData("<blockquote><b>", "<b")]
    public async Task Raw_html_nested_100000_deep_renders_with_its_nesting_capped(string tag, string opening)
    {
        var result = await ParseWithinHangGuardAsync(Heading + "Some text.\n\n" + Repeat(tag, 100_000) + "deepest");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var html = result.Article.BodyHtml;
        Assert.Contains("deepest", html, StringComparison.Ordinal);
        Assert.InRange(CountOf(html, opening), 1, RawHtmlScope.MaxOpenElements);
    }

    [Fact]
    public void Raw_html_nested_below_the_limit_renders()
    {
        var depth = Core.Parsing.HtmlNesting.MaximumDepth - 10;

        var html = ParseValid(Heading + "<div>" + Repeat("<div>", depth) + "inner" + Repeat("</div>", depth) + "</div>").BodyHtml;

        Assert.Contains("inner", html, StringComparison.Ordinal);
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
