using ContentPipeline.Cli.Publishing;
using Spectre.Console;

namespace ContentPipeline.Cli.Output;

/// <summary>Moves a live progress bar one step per result, and keeps the counts in its description.</summary>
internal sealed class ProgressBarReporter : IProgress<ArticleResult>
{
    private readonly ProgressTask task;
    private readonly int total;
    private readonly Lock counting = new();
    private int done;
    private int failed;

    public ProgressBarReporter(ProgressTask task, int total)
    {
        this.task = task;
        this.total = total;
        task.Description = Describe(0, 0);
    }

    public void Report(ArticleResult value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (counting)
        {
            done++;
            failed += value.IsFailure ? 1 : 0;
            task.Description = Describe(done, failed);
            task.Increment(1);
        }
    }

    private string Describe(int finished, int failures) =>
        $"Publishing {finished}/{total}" + (failures > 0 ? $" [red]({failures} failed)[/]" : "");
}
