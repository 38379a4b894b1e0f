using System.Globalization;
using ContentPipeline.Benchmarks.Load;

namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>One row of the results: a scenario at one concurrency, what the load measured and whether the count came out exact.</summary>
internal sealed record ScenarioResult(string Scenario, LoadResult Load, Exactness Exactness);

/// <summary>How the stored count compares with the increments that were answered as successful.</summary>
internal sealed record Exactness(long Expected, long Stored, TimeSpan? SettledAfter = null)
{
    /// <summary>Increments answered as done that the store does not have (negative: it has more than were answered).</summary>
    public long Lost => Expected - Stored;

    public bool IsExact => Lost == 0;

    public override string ToString() => Lost switch
    {
        0 when SettledAfter is { } settled => string.Create(CultureInfo.InvariantCulture, $"OK (after {settled.TotalMilliseconds:0} ms)"),
        0 => "OK",
        > 0 => string.Create(CultureInfo.InvariantCulture, $"MISMATCH: lost {Lost} of {Expected} ({100.0 * Lost / Expected:0.#}%)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"MISMATCH: {-Lost} extra"),
    };
}
