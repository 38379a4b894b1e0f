using System.Diagnostics;
using ContentPipeline.Benchmarks.Reporting;
using static System.FormattableString;

namespace ContentPipeline.Benchmarks;

/// <summary>
/// Every benchmark in a row, each with its own host, then one table of every goal: our figure, the baseline, the ratio,
/// the goal and PASS/MISS. Shorter settings than each benchmark's default keep the whole run to minutes; <c>--quick</c>
/// runs every benchmark's smoke version instead (what CI checks).
/// </summary>
internal sealed class AllBenchmark(IReadOnlyList<IBenchmark> benchmarks) : IBenchmark
{
    /// <summary>The options each benchmark gets in a full <c>all</c> run, where they differ from its defaults.</summary>
    private static readonly Dictionary<string, string[]> FullRunArguments = new(StringComparer.Ordinal)
    {
        ["views"] = [BenchmarkOptions.DurationOption, "5"],
        ["ingest"] = [BenchmarkOptions.UploadsOption, "30"],
        ["start"] = [BenchmarkOptions.RunsOption, "3"],
    };

    public string Name => "all";

    public string Summary => "Every benchmark above in a row (views 5 s a scenario, ingest 30 uploads, start 3 runs), then every goal in one table.";

    public IReadOnlyList<string> Options { get; } = [];

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        var loadBefore = MachineLoad.Averages();
        var goals = new List<GoalResult>();
        var exitCode = BenchmarkOutcome.Succeeded;
        foreach (var benchmark in benchmarks)
        {
            string[] arguments = options.Quick ? [BenchmarkOptions.QuickOption] : FullRunArguments.GetValueOrDefault(benchmark.Name, []);
            Console.WriteLine();
            Console.WriteLine($"===== {benchmark.Name} {string.Join(' ', arguments)}".TrimEnd());
            var (benchmarkOptions, error) = BenchmarkOptions.Parse(arguments);
            var outcome = await benchmark.RunAsync(benchmarkOptions ?? throw new InvalidOperationException(error), cancellationToken);
            goals.AddRange(outcome.Goals);
            exitCode = Math.Max(exitCode, outcome.ExitCode);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine();
        Console.WriteLine(Invariant($"===== every goal ({elapsed.TotalMinutes:0.0} min; load average before {loadBefore ?? "unknown"}, after {MachineLoad.Averages() ?? "unknown"}){(options.Quick ? "; quick: figures of no weight" : "")}"));
        Console.WriteLine();
        Console.WriteLine(GoalTable.Markdown(goals, heading: null));
        Console.WriteLine(Invariant($"{goals.Count(g => g.Verdict == GoalVerdict.Pass)} PASS, {goals.Count(g => g.Verdict == GoalVerdict.Miss)} MISS, {goals.Count(g => g.Verdict == GoalVerdict.NotMeasured)} not measured."));
        return new BenchmarkOutcome(exitCode, goals);
    }
}
