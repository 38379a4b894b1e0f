using System.Runtime.CompilerServices;

namespace ContentPipeline.Cli.Watching;

/// <summary>
/// Turns a stream of file change notifications (from any thread) into one path per burst of changes, after
/// the burst has been quiet for the period of its <see cref="DebounceSchedule"/>.
/// </summary>
internal sealed class ChangeDebouncer(TimeSpan quietPeriod, TimeProvider time) : IDisposable
{
    private readonly DebounceSchedule schedule = new(quietPeriod);
    private readonly Lock gate = new();
    private readonly SemaphoreSlim changed = new(0);

    /// <summary>Records a change of <paramref name="path"/>; called by the file watcher's threads.</summary>
    public void Notify(string path)
    {
        lock (gate)
        {
            schedule.Changed(path, time.GetUtcNow());
        }

        changed.Release();
    }

    /// <summary>Each path once its changes have been quiet for the period; ends when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async IAsyncEnumerable<string> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            IReadOnlyList<string> ready;
            DateTimeOffset? next;
            lock (gate)
            {
                var now = time.GetUtcNow();
                ready = schedule.TakeDue(now);
                next = schedule.NextDue;
            }

            foreach (var path in ready)
            {
                yield return path;
            }

            if (ready.Count > 0)
            {
                continue;
            }

            // Wake on the next change or the next due time. The wait on the signal is cancelled with the round,
            // so an abandoned wait never swallows a later change's signal; the schedule, not the signal count, is
            // what is read after waking.
            using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var signalled = changed.WaitAsync(round.Token);
            var delay = next is { } due ? Task.Delay(Max(due - time.GetUtcNow(), TimeSpan.Zero), time, round.Token) : Task.Delay(Timeout.Infinite, round.Token);
            await Task.WhenAny(signalled, delay);
            await round.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public void Dispose() => changed.Dispose();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
