using System.Diagnostics;

namespace ContentPipeline.Benchmarks.Load;

/// <summary>
/// A fixed amount of work: <c>concurrency</c> workers each take the next item of a list as soon as their last one
/// answered, until the list is done. Unlike <see cref="LoadDriver"/> the work is fixed and the time is the result.
/// As there, an operation that has started is waited for, never cancelled.
/// </summary>
internal static class WorkListDriver
{
    /// <summary>Runs <paramref name="operation"/> once per item of <paramref name="items"/>, <paramref name="concurrency"/> at a time.</summary>
    public static async Task<LoadResult> RunAsync<T>(IReadOnlyList<T> items, int concurrency, Func<T, Task<OperationOutcome>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentNullException.ThrowIfNull(operation);

        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, Math.Min(concurrency, Math.Max(1, items.Count)))
            .Select(_ => Task.Run(() => RunWorkerAsync(), CancellationToken.None))
            .ToArray();
        var tallies = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellationToken.ThrowIfCancellationRequested();
        return WorkerTally.Summarize(concurrency, elapsed, tallies);

        async Task<WorkerTally> RunWorkerAsync()
        {
            var tally = new WorkerTally();
            for (var index = Interlocked.Increment(ref next); index < items.Count && !cancellationToken.IsCancellationRequested; index = Interlocked.Increment(ref next))
            {
                var item = items[index];
                await tally.RunAsync(() => operation(item));
            }

            return tally;
        }
    }
}
