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
        return new LatencySummary(ToTime(Percentile(all, 0.50)), ToTime(Percentile(all, 0.99)), ToTime(all[^1]));
    }

    // Nearest rank: the smallest sample with at least q of the samples at or below it.
    private static long Percentile(long[] sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static TimeSpan ToTime(long stopwatchTicks) => Stopwatch.GetElapsedTime(0, stopwatchTicks);
}

/// <summary>Latency percentiles of the operations that succeeded.</summary>
internal sealed record LatencySummary(TimeSpan P50, TimeSpan P99, TimeSpan Max)
{
    public static LatencySummary None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}
