namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>
/// The machine's load average before a run. Host, worker, Azurite and load generator share the CPUs, so anything
/// else running (a build, a test run) skews every figure; printing the load makes such a run recognisable.
/// </summary>
internal static class MachineLoad
{
    private const string LoadAverageFile = "/proc/loadavg";

    /// <summary>A line describing the load, or null where the OS does not publish it (not Linux).</summary>
    public static string? Describe() =>
        Averages() is { } load
            ? $"Load average (1, 5, 15 min) before the run: {load}; figures are only comparable on an otherwise idle machine."
            : null;

    /// <summary>The 1, 5 and 15 minute load averages, as "1.20, 0.80, 0.50", or null where the OS does not publish them.</summary>
    public static string? Averages()
    {
        if (!File.Exists(LoadAverageFile))
        {
            return null;
        }

        var fields = File.ReadAllText(LoadAverageFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 ? $"{fields[0]}, {fields[1]}, {fields[2]}" : null;
    }
}
