using System.Globalization;
using ContentPipeline.Benchmarks.Reporting;

namespace ContentPipeline.Benchmarks.Views;

/// <summary>
/// The view counter's performance goals (goal 2 of the performance issue), checked against one run's results.
/// Verdicts are printed only: timings depend on the machine, so a MISS never fails the run.
/// </summary>
internal static class PerformanceGoals
{
    /// <summary>The concurrency the goals are set at.</summary>
    public const int GoalConcurrency = 64;

    private const double MinTimesSingleEntity = 40;
    private const double MinTimesSharded = 5;
    private static readonly TimeSpan MaxP99 = TimeSpan.FromMilliseconds(200);

    /// <summary>A line that says at which concurrency the goals were read, when it is not the one they are set at.</summary>
    public static string Heading(int concurrency) =>
        concurrency == GoalConcurrency
            ? $"Performance goals at c={concurrency}:"
            : $"Performance goals at c={concurrency} (the goals are set at c={GoalConcurrency}; this run went up to c={concurrency} only):";

    /// <summary>The goals read at <paramref name="concurrency"/> (the highest one measured).</summary>
    public static IReadOnlyList<GoalResult> Read(ScenarioResult? hotEndpoint, IReadOnlyList<ScenarioResult> endpointRuns, IReadOnlyList<ScenarioResult> baselines, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(endpointRuns);
        ArgumentNullException.ThrowIfNull(baselines);
        ScenarioResult? Baseline(CounterBaseline baseline) => baselines.FirstOrDefault(r => r.Scenario == baseline.Title && r.Load.Concurrency == concurrency);

        var at = string.Create(CultureInfo.InvariantCulture, $"c={concurrency}");
        return
        [
            Ratio($"views/s, 1 hot article, {at}: endpoint / {CounterBaseline.EtagSingle.Title}", hotEndpoint, Baseline(CounterBaseline.EtagSingle), MinTimesSingleEntity),
            Ratio($"views/s, 1 hot article, {at}: endpoint / {CounterBaseline.EtagSharded.Title}", hotEndpoint, Baseline(CounterBaseline.EtagSharded), MinTimesSharded),
            hotEndpoint is null
                ? GoalResult.NotMeasured($"views p99, 1 hot article, {at}", $"< {MaxP99.TotalMilliseconds:0} ms")
                : new GoalResult($"views p99, 1 hot article, {at}", Milliseconds(hotEndpoint.Load.Latency.P99), "-", "-", $"< {MaxP99.TotalMilliseconds:0} ms", Verdicts.Of(hotEndpoint.Load.Latency.P99 < MaxP99)),
            endpointRuns.Count == 0
                ? GoalResult.NotMeasured("views: exact final count, every endpoint run", "all exact")
                : new GoalResult("views: exact final count, every endpoint run", $"{endpointRuns.Count(r => r.Exactness.IsExact)} of {endpointRuns.Count} exact", "-", "-", "all exact", Verdicts.Of(endpointRuns.All(r => r.Exactness.IsExact))),
            Ratio($"context: views/s, 1 hot article, {at}: endpoint / {CounterBaseline.BareInsert.Title}", hotEndpoint, Baseline(CounterBaseline.BareInsert), minimum: null),
        ];
    }

    private static GoalResult Ratio(string goal, ScenarioResult? numerator, ScenarioResult? denominator, double? minimum)
    {
        var target = minimum is { } times ? string.Create(CultureInfo.InvariantCulture, $">= {times:0}x") : "-";
        if (numerator is null || denominator is null || denominator.Load.Rate <= 0)
        {
            return GoalResult.NotMeasured(goal, target);
        }

        var measured = string.Create(CultureInfo.InvariantCulture, $"{numerator.Load.Rate:0} incr/s");
        var baseline = string.Create(CultureInfo.InvariantCulture, $"{denominator.Load.Rate:0} incr/s");
        var ratio = numerator.Load.Rate / denominator.Load.Rate;
        return minimum is { } min
            ? GoalResult.ForRatio(goal, measured, baseline, ratio, min, atMost: false)
            : new GoalResult(goal, measured, baseline, string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0}x"), target, GoalVerdict.Context);
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.0 'ms'", CultureInfo.InvariantCulture);
}
