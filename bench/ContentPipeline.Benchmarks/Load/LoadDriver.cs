using System.Diagnostics;

namespace ContentPipeline.Benchmarks.Load;

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers, each starting its next operation as soon as the last one
/// answered, until the duration is over. An operation in flight at the end is waited for, never cancelled: a
/// cancelled request may still have been applied, which would spoil the exactness checks that follow a run.
/// </summary>
internal static class LoadDriver
{
    /// <summary>
    /// Runs <paramref name="operation"/> (given the worker's index) on <paramref name="concurrency"/> workers
    /// for <paramref name="duration"/>. Only successful operations count towards the rate and the latencies.
    /// </summary>
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, Func<int, Task<OperationOutcome>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentNullException.ThrowIfNull(operation);

        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency)
            .Select(index => Task.Run(() => RunWorkerAsync(index, start, duration, operation, cancellationToken), CancellationToken.None))
            .ToArray();
        var tallies = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellationToken.ThrowIfCancellationRequested();
        return WorkerTally.Summarize(concurrency, elapsed, tallies);
    }

    private static async Task<WorkerTally> RunWorkerAsync(int index, long start, TimeSpan duration, Func<int, Task<OperationOutcome>> operation, CancellationToken cancellationToken)
    {
        var tally = new WorkerTally();
        while (Stopwatch.GetElapsedTime(start) < duration && !cancellationToken.IsCancellationRequested)
        {
            await tally.RunAsync(() => operation(index));
        }

        return tally;
    }
}
