using System.Diagnostics;

namespace ContentPipeline.Benchmarks.Load;

/// <summary>
/// What one load worker did: its operations' outcomes and the latencies of those that succeeded. One per worker,
/// so no locking; <see cref="Summarize"/> adds them up when the load is over.
/// </summary>
internal sealed class WorkerTally
{
    public LatencyRecorder Latencies { get; } = new();

    public long Succeeded { get; private set; }

    public long Failed { get; private set; }

    public long Conflicts { get; private set; }

    public string? FirstError { get; private set; }

    /// <summary>Runs one operation and records it; a transport error or timeout counts as a failure, not a crash.</summary>
    public async Task RunAsync(Func<Task<OperationOutcome>> operation)
    {
        var began = Stopwatch.GetTimestamp();
        OperationOutcome outcome;
        try
        {
            outcome = await operation();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Azure.RequestFailedException or IOException)
        {
            outcome = OperationOutcome.Failed($"{ex.GetType().Name}: {ex.Message}");
        }

        Add(outcome, began);
    }

    /// <summary>The load of all <paramref name="tallies"/>, run by <paramref name="concurrency"/> workers in <paramref name="elapsed"/>.</summary>
    public static LoadResult Summarize(int concurrency, TimeSpan elapsed, IReadOnlyList<WorkerTally> tallies) =>
        new(
            concurrency,
            elapsed,
            tallies.Sum(t => t.Succeeded),
            tallies.Sum(t => t.Failed),
            tallies.Sum(t => t.Conflicts),
            LatencyRecorder.Summarize(tallies.Select(t => t.Latencies)),
            tallies.Select(t => t.FirstError).FirstOrDefault(e => e is not null));

    private void Add(OperationOutcome outcome, long began)
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
