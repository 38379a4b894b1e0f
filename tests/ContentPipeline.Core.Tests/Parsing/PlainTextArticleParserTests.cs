using ContentPipeline.Core.Articles;
using ContentPipeline.Testing;
using static ContentPipeline.Core.Tests.Parsing.ParserTestSupport;

namespace ContentPipeline.Core.Tests.Parsing;

public sealed class PlainTextArticleParserTests
{
    [Fact]
    public void The_sample_article_gets_its_title_date_and_paragraphs()
    {
        var text = Samples.ReadText(Samples.FundSecurityAndIndependence);

        var article = ParseValid(text, ArticleFormat.PlainText, Samples.FundSecurityAndIndependence);

        Assert.Equal("Fund security and independence", article.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2024, 4, 17, 21, 5, 49, TimeSpan.Zero), article.Metadata.Date);
        Assert.StartsWith("On September 14, the signing ceremony", article.Metadata.Summary, StringComparison.Ordinal);
        Assert.EndsWith("…", article.Metadata.Summary, StringComparison.Ordinal);
        Assert.StartsWith("<p>On September 14, the signing ceremony", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("2024-04-17 21:05:49", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Xi Jinping’s", article.BodyHtml, StringComparison.Ordinal);
        // The scraped navigation at the end stays one paragraph, its lines kept apart.
        Assert.Contains("<p>front page<br>\nproduct<br>\nnews<br>\nconnect</p>", article.BodyHtml, StringComparison.Ordinal);
        Assert.InRange(article.WordCount, 900, 1200);
    }

    [Fact]
    public void Text_is_html_escaped()
    {
        var article = ParseValid("Title <b>\n\nA <script>alert('x')</script> & more", ArticleFormat.PlainText, "a.txt");

        Assert.Equal("Title <b>", article.Metadata.Title);
        Assert.Equal("<p>A &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</p>\n", article.BodyHtml);
    }

    [Fact]
    public void A_line_after_the_title_that_is_not_a_date_stays_in_the_body()
    {
        var article = ParseValid("Title\n2024 was a year\n\nMore.", ArticleFormat.PlainText, "a.txt");

        Assert.Null(article.Metadata.Date);
        Assert.StartsWith("<p>2024 was a year</p>", article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Leading_blank_lines_and_crlf_are_tolerated()
    {
        var article = ParseValid("\r\n\r\n  Title  \r\n\r\n2024-01-02\r\n\r\nOne\r\ntwo\r\n\r\n\r\nThree", ArticleFormat.PlainText, "a.txt");

        Assert.Equal("Title", article.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), article.Metadata.Date);
        Assert.Equal("<p>One<br>\ntwo</p>\n<p>Three</p>\n", article.BodyHtml);
    }

    [Fact]
    public async Task A_megabyte_long_line_after_the_title_is_the_first_paragraph_not_a_date()
    {
        var line = "2024-01-02" + string.Concat(Enumerable.Repeat(" token", 200_000));

        var result = await ParseWithinHangGuardAsync("Title\n" + line + "\n\nMore.", ArticleFormat.PlainText);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Null(result.Article.Metadata.Date);
        Assert.StartsWith("<p>2024-01-02 token", result.Article.BodyHtml, StringComparison.Ordinal);
    }
}
