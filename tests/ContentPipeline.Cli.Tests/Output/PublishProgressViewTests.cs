using ContentPipeline.Cli.Output;
using ContentPipeline.Cli.Publishing;
using ContentPipeline.Cli.Tests.Support;

namespace ContentPipeline.Cli.Tests.Output;

public sealed class PublishProgressViewTests
{
    private static readonly ArticleResult[] Results =
    [
        new("posts/a.md", "a", PublishOutcome.Published, new Uri("http://127.0.0.1:7072/articles/a/")),
        new("posts/b.md", "b", PublishOutcome.Failed, Reason: "The front matter is not valid YAML.", Line: 3),
        new("posts/c.md", "c", PublishOutcome.Unchanged, new Uri("http://127.0.0.1:7072/articles/c/")),
    ];

    [Fact]
    public async Task On_a_terminal_a_live_bar_counts_the_results_and_the_failures()
    {
        using var console = Cpipe.Terminal();
        console.EmitAnsiSequences = true;

        await PublishProgressView.RunAsync(console, Results.Length, progress => ReportAllAsync(progress));

        var output = console.Output;
        Assert.Contains("Publishing 3/3", output, StringComparison.Ordinal);
        Assert.Contains("(1 failed)", output, StringComparison.Ordinal);
        Assert.Contains("100%", output, StringComparison.Ordinal);
        Assert.Contains("━", output, StringComparison.Ordinal); // the bar itself
        Assert.DoesNotContain("posts/b.md", output, StringComparison.Ordinal); // results go to the summary, not between redraws
    }

    [Fact]
    public async Task Without_a_terminal_each_result_is_one_plain_line_with_the_file_and_line()
    {
        using var console = Cpipe.Redirected();

        await PublishProgressView.RunAsync(console, Results.Length, progress => ReportAllAsync(progress));

        var lines = console.Lines.Where(l => l.Length > 0).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("published   posts/a.md  http://127.0.0.1:7072/articles/a/", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("failed      posts/b.md:3  The front matter is not valid YAML.", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("unchanged   posts/c.md", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("━", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", console.Output, StringComparison.Ordinal);
    }

    private static Task<int> ReportAllAsync(IProgress<ArticleResult> progress)
    {
        foreach (var result in Results)
        {
            progress.Report(result);
        }

        return Task.FromResult(Results.Length);
    }
}
