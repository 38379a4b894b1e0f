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

        return new LoadResult(
            concurrency,
            elapsed,
            tallies.Sum(t => t.Succeeded),
            tallies.Sum(t => t.Failed),
            tallies.Sum(t => t.Conflicts),
            LatencyRecorder.Summarize(tallies.Select(t => t.Latencies)),
            tallies.Select(t => t.FirstError).FirstOrDefault(e => e is not null));
    }

    private static async Task<WorkerTally> RunWorkerAsync(int index, long start, TimeSpan duration, Func<int, Task<OperationOutcome>> operation, CancellationToken cancellationToken)
    {
        var tally = new WorkerTally();
        while (Stopwatch.GetElapsedTime(start) < duration && !cancellationToken.IsCancellationRequested)
        {
            var began = Stopwatch.GetTimestamp();
            OperationOutcome outcome;
            try
            {
                outcome = await operation(index);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Azure.RequestFailedException or IOException)
            {
                outcome = OperationOutcome.Failed($"{ex.GetType().Name}: {ex.Message}");
            }

            tally.Add(outcome, began);
        }

        return tally;
    }

    private sealed class WorkerTally
    {
        public LatencyRecorder Latencies { get; } = new();

        public long Succeeded { get; private set; }

        public long Failed { get; private set; }

        public long Conflicts { get; private set; }

        public string? FirstError { get; private set; }

        public void Add(OperationOutcome outcome, long began)
        {
            Conflicts += outcome.Conflicts;
            switch (outcome.Status)
            {
                case OperationStatus.Succeeded:
                    Latencies.RecordSince(began);
                    Succeeded++;
                    break;
                case OperationStatus.Failed:
                    Failed++;
                    FirstError ??= outcome.Error;
                    break;
                case OperationStatus.Abandoned:
                    break;
            }
        }
    }
}
