using System.Text;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;

namespace ContentPipeline.Core.Tests.Parsing;

/// <summary>One parser for every test (it is thread-safe), and shorthands to parse text.</summary>
internal static class ParserTestSupport
{
    public static ArticleParser Parser { get; } = new();

    public static ArticleParseResult Parse(string text, ArticleFormat format = ArticleFormat.Markdown, string fileName = "article.md") =>
        Parser.Parse(new ArticleSource(Encoding.UTF8.GetBytes(text), format, fileName));

    public static Article ParseValid(string text, ArticleFormat format = ArticleFormat.Markdown, string fileName = "article.md")
    {
        var result = Parse(text, format, fileName);
        Assert.True(result.IsSuccess, $"Expected the source to parse, got: {result.Error}");
        return result.Article;
    }

    public static ArticleError ParseInvalid(string text, ArticleFormat format = ArticleFormat.Markdown, string fileName = "article.md")
    {
        var result = Parse(text, format, fileName);
        Assert.False(result.IsSuccess, "Expected the source to be refused, but it parsed.");
        return result.Error;
    }

    /// <summary>
    /// Parses on a thread-pool thread (the stack size the worker parses with) and fails the test if that takes
    /// longer than <see cref="HangGuard"/>. A hang guard for hostile input, not a timing assertion: the inputs
    /// finish in well under a second, and the guard is generous because test machines are shared.
    /// </summary>
    public static async Task<ArticleParseResult> ParseWithinHangGuardAsync(string text, ArticleFormat format = ArticleFormat.Markdown)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return await Task.Run(() => Parser.Parse(new ArticleSource(bytes, format, "article.md"))).WaitAsync(HangGuard);
    }

    public static TimeSpan HangGuard { get; } = TimeSpan.FromSeconds(20);
}
