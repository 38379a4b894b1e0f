using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;
using static ContentPipeline.Core.Tests.Parsing.ParserTestSupport;

namespace ContentPipeline.Core.Tests.Parsing;

public sealed class HtmlArticleParserTests
{
    [Fact]
    public void A_document_gives_its_title_meta_and_sanitized_body()
    {
        var article = ParseValid("""
            <!DOCTYPE html>
            <html><head>
              <title>Night Trains</title>
              <meta name="description" content="Sleeping across Europe.">
              <meta name="author" content="Jo Park">
              <meta name="keywords" content="rail, travel">
              <meta property="article:published_time" content="2024-02-03T10:00:00Z">
              <script>alert(1)</script>
            </head>
            <body>
              <h1>Night Trains</h1>
              <p onclick="alert(1)">Vienna to <a href="https://example.com">Hamburg</a>.</p>
              <script>steal()</script>
            </body></html>
            """, ArticleFormat.Html, "night.html");

        Assert.Equal("Night Trains", article.Metadata.Title);
        Assert.Equal("Sleeping across Europe.", article.Metadata.Summary);
        Assert.Equal("Jo Park", article.Metadata.Author);
        Assert.Equal(["rail", "travel"], article.Metadata.Tags);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 10, 0, 0, TimeSpan.Zero), article.Metadata.Date);
        Assert.DoesNotContain("<h1>", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("script", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Vienna to", article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fragment_takes_its_title_from_the_first_h1_and_summary_from_the_first_paragraph()
    {
        var article = ParseValid("<h1>Fragment  Title</h1><p>First para.</p><p>Second.</p>", ArticleFormat.Html, "f.html");

        Assert.Equal("Fragment Title", article.Metadata.Title);
        Assert.Equal("First para.", article.Metadata.Summary);
        Assert.Equal("<p>First para.</p><p>Second.</p>", article.BodyHtml);
    }

    [Fact]
    public void Without_title_or_heading_the_file_name_is_the_title()
    {
        var article = ParseValid("<p>Only text.</p>", ArticleFormat.Html, "some-page.html");

        Assert.Equal("some page", article.Metadata.Title);
    }

    [Theory]
    [InlineData("<div>")]
    [InlineData("<b>")]
    [InlineData("<div>\n")]
    public async Task Elements_nested_past_the_limit_fail_near_their_line(string tag)
    {
        var result = await ParseWithinHangGuardAsync("<h1>Deep</h1>\n" + string.Concat(Enumerable.Repeat(tag, 100_000)) + "x", ArticleFormat.Html);

        Assert.False(result.IsSuccess);
        Assert.Contains($"deeper than {HtmlNesting.MaximumDepth} levels", result.Error.Message, StringComparison.Ordinal);
        Assert.InRange(result.Error.Line ?? 0, 2, 2 + (tag.EndsWith('\n') ? HtmlNesting.MaximumDepth : 0));
    }

    [Fact]
    public void Elements_nested_below_the_limit_are_kept()
    {
        var depth = HtmlNesting.MaximumDepth - 10;

        var article = ParseValid("<h1>Deep</h1>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "inner", ArticleFormat.Html);

        Assert.Contains("inner", article.BodyHtml, StringComparison.Ordinal);
    }
}
