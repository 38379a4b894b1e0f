using System.Diagnostics;

namespace ContentPipeline.Benchmarks.Load;

/// <summary>
/// Every latency of one worker, kept exactly (a 10 s scenario makes at most some hundred thousand samples), so
/// percentiles are read from the sorted samples rather than estimated. One recorder per worker: no locking.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> ticks = new(capacity: 4096);

    public int Count => ticks.Count;

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp()"/>).</summary>
    public void RecordSince(long startTimestamp) => ticks.Add(Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>The samples of all <paramref name="recorders"/>, summarized.</summary>
    public static LatencySummary Summarize(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r.ticks).ToArray();
        if (all.Length == 0)
        {
            return LatencySummary.None;
        }

        Array.Sort(all);
        return LatencySummary.Of([.. all.Select(ToTime)]);
    }

    private static TimeSpan ToTime(long stopwatchTicks) => Stopwatch.GetElapsedTime(0, stopwatchTicks);
}

/// <summary>Latency percentiles of the operations that succeeded, and every sample in order (for charts).</summary>
internal sealed record LatencySummary(TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max, IReadOnlyList<TimeSpan> Samples)
{
    public static LatencySummary None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, []);

    /// <summary>The summary of <paramref name="sorted"/>, which must be in ascending order.</summary>
    public static LatencySummary Of(IReadOnlyList<TimeSpan> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0
            ? None
            : new LatencySummary(Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1], sorted);
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="q"/> of the samples at or below it.</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
