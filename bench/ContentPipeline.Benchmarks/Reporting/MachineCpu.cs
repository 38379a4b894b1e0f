using System.Globalization;

namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>How busy all of the machine's CPUs were between two samples, from <c>/proc/stat</c> (Linux only).</summary>
internal static class MachineCpu
{
    private const string StatFile = "/proc/stat";

    /// <summary>The machine's CPU time so far, in clock ticks: busy, and all (busy plus idle and waiting for I/O).</summary>
    internal readonly record struct Sample(long Busy, long Total);

    /// <summary>The counters now, or null where the OS does not publish them.</summary>
    public static Sample? Read()
    {
        if (!File.Exists(StatFile))
        {
            return null;
        }

        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": the first line sums every CPU.
        var line = File.ReadLines(StatFile).FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        var ticks = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(field => long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0)
            .ToArray();
        if (ticks is not { Length: 8 })
        {
            return null;
        }

        var idle = ticks[3] + ticks[4];
        var total = ticks.Sum();
        return new Sample(total - idle, total);
    }

    /// <summary>The busy share of all CPUs from <paramref name="start"/> to <paramref name="end"/> (0 to 1), or null.</summary>
    public static double? BusyBetween(Sample? start, Sample? end) =>
        start is { } a && end is { } b && b.Total > a.Total ? (double)(b.Busy - a.Busy) / (b.Total - a.Total) : null;
}
