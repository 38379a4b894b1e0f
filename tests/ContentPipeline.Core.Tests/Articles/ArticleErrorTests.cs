using ContentPipeline.Core.Articles;

namespace ContentPipeline.Core.Tests.Articles;

public sealed class ArticleErrorTests
{
    [Theory]
    [InlineData("The front matter is not valid YAML: mapping values are not allowed here.", 3)]
    [InlineData("Line 7: a message that itself starts like a line prefix.", 12)]
    [InlineData("A message without a line.", null)]
    public void Parse_reads_back_what_ToString_wrote(string message, int? line)
    {
        var error = new ArticleError(message, line);

        Assert.Equal(error, ArticleError.Parse(error.ToString()));
    }

    [Theory]
    [InlineData("Line : no number")]
    [InlineData("Line 0: lines count from 1")]
    [InlineData("Line -2: negative")]
    [InlineData("Line 4 without a colon")]
    [InlineData("line 4: lowercase is not the prefix")]
    public void Parse_keeps_text_that_only_looks_like_a_line_prefix_as_the_message(string text)
    {
        var error = ArticleError.Parse(text);

        Assert.Equal(new ArticleError(text), error);
    }
}
