using ContentPipeline.Cli.Output;
using ContentPipeline.Cli.Publishing;
using ContentPipeline.Cli.Tests.Support;

namespace ContentPipeline.Cli.Tests.Output;

public sealed class SummaryTableTests
{
    [Fact]
    public void The_summary_lists_what_changed_or_failed_with_file_and_line_and_only_counts_the_unchanged()
    {
        using var console = Cpipe.Redirected();
        ArticleResult[] results =
        [
            new("a.md", "a", PublishOutcome.Published, new Uri("http://127.0.0.1:7072/articles/a/")),
            new("b.md", "b", PublishOutcome.Failed, Reason: "The front matter is not valid YAML.", Line: 4),
            new("c.md", "c", PublishOutcome.Unchanged, new Uri("http://127.0.0.1:7072/articles/c/")),
            new("d.md", "d", PublishOutcome.Unchanged, Reason: "A draft (draft: true): not on the site."),
            new("", "gone", PublishOutcome.Unpublished, Reason: "Its file is gone."),
        ];

        SummaryTable.Write(console, results);

        var output = console.Output;
        var failed = console.Lines.Single(l => l.Contains("b.md:4", StringComparison.Ordinal));
        Assert.Contains("failed", failed, StringComparison.Ordinal);
        Assert.Contains("The front matter is not valid YAML.", failed, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:7072/articles/a/", output, StringComparison.Ordinal);
        Assert.DoesNotContain("c.md", output, StringComparison.Ordinal);
        Assert.Contains("d.md", output, StringComparison.Ordinal); // unchanged, but not on the site: worth a row
        Assert.Contains("(file gone)", output, StringComparison.Ordinal);
        Assert.Contains("1 published, 2 unchanged, 1 failed, 1 unpublished.", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("b.md:4", StringComparison.Ordinal) < output.IndexOf("a.md", StringComparison.Ordinal), "Failures come first.");
    }
}
