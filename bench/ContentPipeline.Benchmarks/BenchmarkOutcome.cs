using ContentPipeline.Benchmarks.Reporting;

namespace ContentPipeline.Benchmarks;

/// <summary>What a benchmark run came to: the process exit code and the goals it read, for the <c>all</c> summary.</summary>
internal sealed record BenchmarkOutcome(int ExitCode, IReadOnlyList<GoalResult> Goals)
{
    public const int Succeeded = 0;
}
