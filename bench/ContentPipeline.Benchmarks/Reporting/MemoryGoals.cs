namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>
/// The memory goals (goal 6 of the performance issue): the function app's worker stays under 300 MB through the
/// bulk and counting benchmarks, and a rejected 100 MB upload moves it by less than 20 MB. MB here is 10^6 bytes,
/// the stricter reading.
/// </summary>
internal static class MemoryGoals
{
    public const double BytesPerMegabyte = 1_000_000;
    public const double MaxWorkerWorkingSetMegabytes = 300;
    public const double MaxRejectedUploadGrowthMegabytes = 20;

    /// <summary>The worker's peak working set over its whole life, read at the end of <paramref name="benchmark"/>.</summary>
    public static GoalResult WorkerPeak(string benchmark, ProcessUsageReport usage, string workerName)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var goal = $"memory: worker peak working set through {benchmark}";
        return usage.Processes.FirstOrDefault(p => p.Name == workerName)?.PeakWorkingSetBytes is { } peak
            ? GoalResult.ForBound(goal, peak / BytesPerMegabyte, MaxWorkerWorkingSetMegabytes, "MB", atMost: true, "0")
            : GoalResult.NotMeasured(goal, $"<= {MaxWorkerWorkingSetMegabytes:0} MB");
    }
}
