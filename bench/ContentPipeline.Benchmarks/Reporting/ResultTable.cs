using System.Globalization;
using System.Text;

namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>Prints results as aligned lines while the run goes on, and as one Markdown table at the end.</summary>
internal static class ResultTable
{
    private static readonly string[] Headers = ["Scenario", "c", "incr/s", "p50 ms", "p99 ms", "max ms", "errors", "412 retries", "exact"];

    /// <summary>The header of the progress lines.</summary>
    public static string ProgressHeader() => Line(Headers);

    /// <summary>One progress line, aligned under <see cref="ProgressHeader"/>.</summary>
    public static string ProgressLine(ScenarioResult result) => Line(Cells(result));

    /// <summary>The results as a GitHub-flavoured Markdown table.</summary>
    public static string Markdown(IEnumerable<ScenarioResult> results)
    {
        var markdown = new StringBuilder();
        markdown.AppendLine("| " + string.Join(" | ", Headers) + " |");
        markdown.AppendLine("|---|" + string.Concat(Enumerable.Repeat("--:|", Headers.Length - 2)) + "---|");
        foreach (var result in results)
        {
            markdown.AppendLine("| " + string.Join(" | ", Cells(result)) + " |");
        }

        return markdown.ToString();
    }

    private static string[] Cells(ScenarioResult result)
    {
        var load = result.Load;
        return
        [
            result.Scenario,
            load.Concurrency.ToString(CultureInfo.InvariantCulture),
            load.Rate.ToString("0", CultureInfo.InvariantCulture),
            Milliseconds(load.Latency.P50),
            Milliseconds(load.Latency.P99),
            Milliseconds(load.Latency.Max),
            load.Failed.ToString(CultureInfo.InvariantCulture),
            load.Conflicts.ToString(CultureInfo.InvariantCulture),
            result.Exactness.ToString(),
        ];
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Line(string[] cells) =>
        string.Create(CultureInfo.InvariantCulture, $"{cells[0],-30} {cells[1],3} {cells[2],8} {cells[3],7} {cells[4],7} {cells[5],8} {cells[6],7} {cells[7],11}  {cells[8]}");
}
