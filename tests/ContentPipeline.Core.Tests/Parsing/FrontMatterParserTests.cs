using ContentPipeline.Core.Parsing;
using static ContentPipeline.Core.Tests.Parsing.ParserTestSupport;

namespace ContentPipeline.Core.Tests.Parsing;

public sealed class FrontMatterParserTests
{
    [Theory]
    [InlineData("---\ntitle: T\ndate: tomorrow\n---\nBody", 3, "date 'tomorrow' is not a date")]
    [InlineData("---\ntitle: T\ntags: 5\n---\nBody", 3, "tags '5' is not text")]
    [InlineData("---\ntitle: T\ndraft: maybe\n---\nBody", 3, "'draft' must be true or false")]
    [InlineData("---\ntitle: [a, b]\n---\nBody", 2, "'title' must be a single line of text")]
    [InlineData("---\ntitle: T\nslug: Not A Slug\n---\nBody", 3, "Slug")]
    [InlineData("---\ntitle: T\ntitle: U\n---\nBody", 3, "Each key may appear once")]
    [InlineData("---\ntitle: T\nseo:\n\tnoindex: true\n---\nBody", 4, "indented with a tab")]
    [InlineData("---\ntitle: T\nsummary: a: b: c\n---\nBody", 3, "not valid YAML")]
    [InlineData("---\n- just\n- a list\n---\nBody", 2, "'key: value' lines")]
    [InlineData("---\ntitle: T\ndate: 2024-02-30\n---\nBody", 3, "date '2024-02-30' is not a date")]
    [InlineData("---\ntitle: T\ntags: {a: b}\n---\nBody", 3, "tags must be a list")]
    [InlineData("---\nTitle: A\ntitle: B\n---\nBody", 3, "appears more than once")]
    public void Bad_front_matter_is_refused_with_its_line(string source, int line, string message)
    {
        var error = ParseInvalid(source);

        Assert.True(line == error.Line, $"Expected line {line}, got {error.Line}: {error.Message}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_are_counted_from_the_start_of_the_file_even_with_a_bom_and_crlf()
    {
        var error = ParseInvalid("\uFEFF---\r\ntitle: T\r\n\r\ndate: 2024-13-45\r\n---\r\nBody");

        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Lines_are_counted_right_with_mixed_and_old_mac_line_endings()
    {
        var error = ParseInvalid("---\rtitle: T\r\n\ndate: someday\r---\nBody");

        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Front_matter_after_a_bom_is_read()
    {
        var article = ParseValid("\uFEFF---\ntitle: After a BOM\ntags: [a]\n---\nBody.");

        Assert.Equal("After a BOM", article.Metadata.Title);
        Assert.DoesNotContain("title:", article.BodyHtml, StringComparison.Ordinal);
    }

    // Without the event walk these overflow the stack, which kills the process (and this test run) instead of failing.
    [Theory]
    [InlineData("compact block sequences", "title: T\nx:\n  ", "- ", 4)]
    [InlineData("top-level block sequences", "", "- ", 2)]
    [InlineData("complex keys", "", "? ", 2)]
    [InlineData("flow sequences", "title: T\nx: ", "[", 3)]
    [InlineData("flow mappings", "title: T\nx: ", "{a: ", 3)]
    public async Task Deep_nesting_of_any_kind_is_refused_on_its_line(string what, string before, string opener, int line)
    {
        var yaml = before + string.Concat(Enumerable.Repeat(opener, 10_000)) + "v";

        var result = await ParseWithinHangGuardAsync("---\n" + yaml + "\n---\nBody");

        Assert.False(result.IsSuccess, what);
        Assert.Contains($"deeper than {FrontMatterParser.MaxNesting} levels", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(line, result.Error.Line);
    }

    [Fact]
    public void Too_many_keys_are_refused_on_the_line_past_the_limit()
    {
        var keys = string.Concat(Enumerable.Range(0, FrontMatterParser.MaxNodes).Select(i => $"k{i}: v\n"));

        var error = ParseInvalid("---\n" + keys + "---\nBody");

        Assert.Contains("more than 2,000 keys, values and list items", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + (FrontMatterParser.MaxNodes / 2), error.Line);
    }

    [Fact]
    public void Front_matter_over_the_size_limit_is_refused_before_yaml_parsing()
    {
        var error = ParseInvalid("---\ntitle: T\nsummary: " + new string('x', FrontMatterParser.MaxBytes) + "\n---\nBody");

        Assert.Equal(2, error.Line);
        Assert.Contains("larger than 64 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_bombs_are_refused_in_bounded_time()
    {
        var bomb = """
            ---
            title: T
            a: &a ["x","x","x","x","x","x","x","x","x"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            ---
            Body
            """;

        var error = ParseInvalid(bomb);

        Assert.Contains("too large or deeply nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-04-17 21:05:49", "2024-04-17T21:05:49Z")]
    [InlineData("2024-04-17T21:05:49+02:00", "2024-04-17T19:05:49Z")]
    [InlineData("\"2024-04-17\"", "2024-04-17T00:00:00Z")]
    public void Dates_are_read_in_iso_forms_as_utc(string yamlDate, string expected)
    {
        var article = ParseValid($"---\ntitle: T\ndate: {yamlDate}\n---\nBody");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), article.Metadata.Date);
    }

    [Fact]
    public void Empty_front_matter_is_allowed()
    {
        var article = ParseValid("---\n---\n# Heading\n\nBody");

        Assert.Equal("Heading", article.Metadata.Title);
    }

    [Fact]
    public void Quoted_numbers_are_valid_tags_and_titles()
    {
        var article = ParseValid("---\ntitle: 1984\ntags: \"5\"\n---\nBody");

        Assert.Equal("1984", article.Metadata.Title);
        Assert.Equal(["5"], article.Metadata.Tags);
    }
}
