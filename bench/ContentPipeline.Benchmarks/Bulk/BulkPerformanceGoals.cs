using ContentPipeline.Benchmarks.Reporting;
using static System.FormattableString;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// The bulk-publishing goals (goal 4 of the performance issue), checked against one run. Verdicts are printed only:
/// timings depend on the machine, so a MISS never fails the run.
/// </summary>
internal static class BulkPerformanceGoals
{
    /// <summary>Articles per second, from the first upload until the site has converged.</summary>
    public const double MinArticlesPerSecond = 150;

    /// <summary>Writes of any one listing file during the whole bulk upload.</summary>
    public const long MaxWritesPerListingFile = 10;

    /// <summary>The goals of one run.</summary>
    public static IReadOnlyList<GoalResult> Read(int articles, TimeSpan? converged, (string Path, long Writes)? mostWritten)
    {
        const string throughputGoal = "bulk: articles/s to a converged site";
        const string writesGoal = "bulk: writes of the most written listing file";
        return
        [
            converged is { } time
                ? GoalResult.ForBound(throughputGoal, articles / time.TotalSeconds, MinArticlesPerSecond, "articles/s", atMost: false, "0.0")
                : new GoalResult(throughputGoal, "did not converge", "-", "-", Invariant($">= {MinArticlesPerSecond:0} articles/s"), GoalVerdict.Miss),
            mostWritten is { } most
                ? GoalResult.ForBound(writesGoal, most.Writes, MaxWritesPerListingFile, "writes", atMost: true, "0") with { Measured = Invariant($"{most.Writes} writes ({most.Path})") }
                : new GoalResult(writesGoal, "no listing files", "-", "-", Invariant($"<= {MaxWritesPerListingFile}"), GoalVerdict.Miss),
        ];
    }
}
