using static ContentPipeline.Core.Tests.Parsing.ParserTestSupport;

namespace ContentPipeline.Core.Tests.Parsing;

public sealed class MarkdownArticleParserTests
{
    [Fact]
    public void Front_matter_fields_become_metadata()
    {
        var article = ParseValid("""
            ---
            title: Rivers of Europe
            date: 2024-04-17
            slug: rivers-of-europe
            summary: A tour of the big ones.
            author: Ana Lima
            tags: [geography, travel]
            draft: true
            ---
            The Danube flows through ten countries.
            """);

        var metadata = article.Metadata;
        Assert.Equal("Rivers of Europe", metadata.Title);
        Assert.Equal(new DateTimeOffset(2024, 4, 17, 0, 0, 0, TimeSpan.Zero), metadata.Date);
        Assert.Equal("rivers-of-europe", metadata.Slug);
        Assert.Equal("A tour of the big ones.", metadata.Summary);
        Assert.Equal("Ana Lima", metadata.Author);
        Assert.Equal(["geography", "travel"], metadata.Tags);
        Assert.True(metadata.Draft);
        Assert.Contains("<p>The Danube flows through ten countries.</p>", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("title:", article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_may_be_a_comma_separated_string_and_duplicates_are_dropped()
    {
        var article = ParseValid("---\ntags: news, Science , news,, science\n---\nBody.");

        Assert.Equal(["news", "Science"], article.Metadata.Tags);
    }

    [Fact]
    public void Unknown_keys_are_kept_as_metadata_not_errors()
    {
        var article = ParseValid("---\ntitle: T\nlayout: wide\nseries: [a, b]\nseo:\n  noindex: true\n---\nBody.");

        Assert.Equal("wide", article.Metadata.Extra["layout"]);
        Assert.Equal("a, b", article.Metadata.Extra["series"]);
        Assert.Equal("true", article.Metadata.Extra["seo.noindex"]);
    }

    [Fact]
    public void Title_falls_back_to_the_first_level_one_heading_which_leaves_the_body()
    {
        var article = ParseValid("# The Heading Title\n\nFirst paragraph.\n\n# Another\n");

        Assert.Equal("The Heading Title", article.Metadata.Title);
        Assert.DoesNotContain("The Heading Title", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Another</h1>", article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_falls_back_to_the_file_name_without_a_heading()
    {
        var article = ParseValid("Just a paragraph.", fileName: "my-first_post.md");

        Assert.Equal("my first post", article.Metadata.Title);
    }

    [Fact]
    public void Summary_falls_back_to_the_first_paragraph_as_trimmed_plain_text()
    {
        var article = ParseValid("# Title\n\n  Some *emphasised* text with `code` and a [link](https://example.com).  \n\nSecond.");

        Assert.Equal("Some emphasised text with code and a link.", article.Metadata.Summary);
    }

    [Fact]
    public void Long_summaries_are_cut_at_a_word_boundary()
    {
        var words = string.Join(' ', Enumerable.Repeat("wordy", 100));
        var article = ParseValid($"# T\n\n{words}");

        Assert.True(article.Metadata.Summary.Length <= 281, article.Metadata.Summary);
        Assert.EndsWith("wordy…", article.Metadata.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Extensions_render_tables_footnotes_task_lists_identifiers_and_autolinks()
    {
        var html = ParseValid("""
            # T

            ## Section One

            | a | b |
            |---|---|
            | 1 | 2 |

            - [x] done
            - [ ] todo

            Text with a note[^1] and ~~strike~~ and www.example.com.

            [^1]: The note.
            """).BodyHtml;

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"section-one\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"footnotes\"", html, StringComparison.Ordinal);
        Assert.Contains("<del>strike</del>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://www.example.com\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void External_links_get_noopener_and_internal_links_do_not()
    {
        var html = ParseValid("[out](https://example.com/x) [in](/articles/other/) <https://auto.example>").BodyHtml;

        Assert.Contains("<a href=\"https://example.com/x\" rel=\"noopener noreferrer\">out</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/articles/other/\">in</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://auto.example\" rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x]( javascript:alert(1) )")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](java\u0009script:alert(1))")]
    public void Unsafe_link_urls_in_markdown_are_neutralised(string markdown)
    {
        var html = ParseValid(markdown).BodyHtml;

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&#106;avascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("Hello <img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<div onclick=\"alert(1)\">x</div>", "onclick")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("Text {onclick=alert(1)}", " onclick=")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "<meta")]
    public void Raw_html_in_markdown_is_sanitized(string markdown, string forbidden)
    {
        var html = ParseValid("# T\n\n" + markdown).BodyHtml;

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Raw_html_that_is_safe_survives()
    {
        var html = ParseValid("Text with <mark>marked</mark> words.\n\n<details><summary>More</summary>Hidden</details>").BodyHtml;

        Assert.Contains("<mark>marked</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>More</summary>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_front_matter_is_refused_on_line_one()
    {
        var error = ParseInvalid("---\ntitle: Never closed\n\nBody text.");

        Assert.Equal(1, error.Line);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_limit_fails_cleanly()
    {
        var error = ParseInvalid(new string('>', 5_000) + " deep");

        Assert.Contains("deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Word_count_covers_the_whole_body()
    {
        var article = ParseValid("# T\n\none two three\n\n- four five\n\n```\nsix\n```");

        Assert.Equal(6, article.WordCount);
    }
}
