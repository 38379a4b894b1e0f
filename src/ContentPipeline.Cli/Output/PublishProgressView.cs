using ContentPipeline.Cli.Publishing;
using Spectre.Console;

namespace ContentPipeline.Cli.Output;

/// <summary>Shows a run's progress: a live bar on a terminal, plain lines when the output is not one.</summary>
internal static class PublishProgressView
{
    /// <summary>
    /// A live bar needs a console that can redraw (ANSI) and someone watching (interactive); redirected output,
    /// CI logs and pipes get one line per result instead, which reads well there.
    /// </summary>
    public static bool IsLive(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
    }

    /// <summary>Runs <paramref name="work"/> while showing its <paramref name="total"/> results come in.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, int total, Func<IProgress<ArticleResult>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsLive(console))
        {
            return await work(new ResultLines(console));
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context => await work(new ProgressBarReporter(context.AddTask("Publishing", maxValue: Math.Max(total, 1)), total)));
    }
}
