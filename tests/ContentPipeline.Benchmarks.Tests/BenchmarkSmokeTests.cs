using ContentPipeline.Benchmarks;
using ContentPipeline.Benchmarks.Reporting;

namespace ContentPipeline.Benchmarks.Tests;

/// <summary>
/// Runs every benchmark's <c>--quick</c> form in this process, so that the benchmark code cannot rot: each must
/// complete and read every one of its goals. Never asserts on a timing or a verdict (a slow CI machine is not a
/// failure); the figures of a quick run carry no weight.
/// </summary>
/// <remarks>One class, so the benchmarks run one after another and never compete for the machine with each other.</remarks>
public sealed class BenchmarkSmokeTests
{
    public static TheoryData<string> Benchmarks() => [.. BenchmarkList.All.Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public async Task Quick_run_completes_and_reads_every_goal(string name)
    {
        var benchmark = BenchmarkList.All.Single(b => b.Name == name);
        var (options, _) = BenchmarkOptions.Parse([BenchmarkOptions.QuickOption]);
        Assert.NotNull(options);

        var outcome = await benchmark.RunAsync(options, CancellationToken.None);

        Assert.True(outcome.ExitCode == BenchmarkOutcome.Succeeded, $"{name} --quick exited with {outcome.ExitCode}");
        Assert.NotEmpty(outcome.Goals);
        Assert.All(outcome.Goals, goal => Assert.True(goal.Verdict != GoalVerdict.NotMeasured, $"{goal.Goal}: not measured"));
    }
}
