namespace ContentPipeline.Benchmarks.Load;

/// <summary>What a closed-loop run measured.</summary>
internal sealed record LoadResult(int Concurrency, TimeSpan Elapsed, long Succeeded, long Failed, long Conflicts, LatencySummary Latency, string? FirstError)
{
    /// <summary>Successful operations per second of wall-clock time.</summary>
    public double Rate => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;
}
