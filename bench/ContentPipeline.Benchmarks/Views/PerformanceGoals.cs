using System.Globalization;
using System.Text;
using ContentPipeline.Benchmarks.Reporting;

namespace ContentPipeline.Benchmarks.Views;

/// <summary>
/// The view counter's performance goals, checked against one run's results. Verdicts are printed only: timings
/// depend on the machine, so a MISS never fails the run.
/// </summary>
internal static class PerformanceGoals
{
    /// <summary>The concurrency the goals are set at.</summary>
    public const int GoalConcurrency = 64;

    private const double MinTimesSingleEntity = 40;
    private const double MinTimesSharded = 5;
    private static readonly TimeSpan MaxP99 = TimeSpan.FromMilliseconds(200);

    /// <summary>The goals as a Markdown table, read at <paramref name="concurrency"/> (the highest one measured).</summary>
    public static string Markdown(ScenarioResult? hotEndpoint, IReadOnlyList<ScenarioResult> endpointRuns, IReadOnlyList<ScenarioResult> baselines, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(endpointRuns);
        ArgumentNullException.ThrowIfNull(baselines);
        ScenarioResult? Baseline(CounterBaseline baseline) => baselines.FirstOrDefault(r => r.Scenario == baseline.Title && r.Load.Concurrency == concurrency);

        var rows = new List<string[]>
        {
            Ratio($"endpoint (1 hot slug) / {CounterBaseline.EtagSingle.Title}", hotEndpoint, Baseline(CounterBaseline.EtagSingle), MinTimesSingleEntity),
            Ratio($"endpoint (1 hot slug) / {CounterBaseline.EtagSharded.Title}", hotEndpoint, Baseline(CounterBaseline.EtagSharded), MinTimesSharded),
            hotEndpoint is null
                ? ["endpoint (1 hot slug) p99", "not measured", $"< {MaxP99.TotalMilliseconds:0} ms", "-"]
                : ["endpoint (1 hot slug) p99", Milliseconds(hotEndpoint.Load.Latency.P99), $"< {MaxP99.TotalMilliseconds:0} ms", Verdict(hotEndpoint.Load.Latency.P99 < MaxP99)],
            endpointRuns.Count == 0
                ? ["exact final count, every endpoint run", "not measured", "all exact", "-"]
                : ["exact final count, every endpoint run", $"{endpointRuns.Count(r => r.Exactness.IsExact)} of {endpointRuns.Count} exact", "all exact", Verdict(endpointRuns.All(r => r.Exactness.IsExact))],
            Ratio($"context: endpoint (1 hot slug) / {CounterBaseline.BareInsert.Title}", hotEndpoint, Baseline(CounterBaseline.BareInsert), minimum: null),
        };

        var markdown = new StringBuilder();
        var note = concurrency == GoalConcurrency ? "" : $" (the goals are set at c={GoalConcurrency}; this run went up to c={concurrency} only)";
        markdown.AppendLine(CultureInfo.InvariantCulture, $"Performance goals at c={concurrency}{note}:");
        markdown.AppendLine();
        markdown.AppendLine("| Goal | Measured | Target | Verdict |");
        markdown.AppendLine("|---|--:|---|---|");
        foreach (var row in rows)
        {
            markdown.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return markdown.ToString();
    }

    private static string[] Ratio(string goal, ScenarioResult? numerator, ScenarioResult? denominator, double? minimum)
    {
        var target = minimum is { } times ? string.Create(CultureInfo.InvariantCulture, $">= {times:0}x") : "-";
        if (numerator is null || denominator is null || denominator.Load.Rate <= 0)
        {
            return [goal, "not measured", target, "-"];
        }

        var ratio = numerator.Load.Rate / denominator.Load.Rate;
        var measured = string.Create(CultureInfo.InvariantCulture, $"{numerator.Load.Rate:0} / {denominator.Load.Rate:0} incr/s = {ratio:0.0}x");
        return [goal, measured, target, minimum is { } min ? Verdict(ratio >= min) : "context"];
    }

    private static string Verdict(bool met) => met ? "PASS" : "MISS";

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.0 'ms'", CultureInfo.InvariantCulture);
}
