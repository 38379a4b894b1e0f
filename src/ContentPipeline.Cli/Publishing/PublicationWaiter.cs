using System.Collections.Concurrent;
using System.Diagnostics;
using ContentPipeline.Cli.Api;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Publishing;

/// <summary>
/// Waits until the pipeline is done with uploaded sources. One loop polls the catalog for every article being
/// waited for at once, so two hundred uploads cost a couple of list requests a round rather than two hundred GETs.
/// An article is done when its catalog entry describes the bytes that were uploaded (<c>sourceHash</c>) and its
/// status is final: until the trigger has run, the entry may still describe the previous version.
/// </summary>
internal sealed class PublicationWaiter : IAsyncDisposable
{
    private readonly CatalogReader catalog;
    private readonly PublishOptions options;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, Waiter> waiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task polling;

    public PublicationWaiter(CatalogReader catalog, PublishOptions options, TimeProvider time)
    {
        this.catalog = catalog;
        this.options = options;
        this.time = time;
        polling = Task.Run(() => PollAsync(stopping.Token));
    }

    /// <summary>
    /// The entry once it describes <paramref name="sourceHash"/> with a final status; or, after the timeout, a result
    /// with no final entry and the last one seen.
    /// </summary>
    public async Task<WaitResult> WaitAsync(Slug slug, string sourceHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var waiter = new Waiter(slug, sourceHash);
        if (!waiting.TryAdd(slug.Value, waiter))
        {
            throw new InvalidOperationException($"'{slug.Value}' is already being waited for.");
        }

        try
        {
            return new WaitResult(await waiter.Done.Task.WaitAsync(options.Timeout, time, cancellationToken), waiter.LastSeen);
        }
        catch (TimeoutException)
        {
            return new WaitResult(null, waiter.LastSeen);
        }
        finally
        {
            waiting.TryRemove(slug.Value, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await polling;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        stopping.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var pause = options.PollInterval;
        while (true)
        {
            await Task.Delay(pause, time, cancellationToken);
            var waiters = waiting.Values.ToList();
            if (waiters.Count == 0)
            {
                pause = options.PollInterval;
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                var entries = await catalog.ReadAsync(waiters.Select(w => w.Slug).ToList(), cancellationToken);
                foreach (var waiter in waiters)
                {
                    if (entries.TryGetValue(waiter.Slug.Value, out var entry))
                    {
                        waiter.Saw(entry);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The API stayed down through the client's retries (or answered what it should not): every wait ends
                // with the reason rather than running into its timeout.
                foreach (var waiter in waiters)
                {
                    waiter.Done.TrySetException(ex);
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            pause = elapsed > options.PollInterval ? elapsed : options.PollInterval;
        }
    }

    private sealed class Waiter(Slug slug, string sourceHash)
    {
        private volatile ArticleInfo? lastSeen;

        public Slug Slug => slug;

        public TaskCompletionSource<ArticleInfo> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ArticleInfo? LastSeen => lastSeen;

        public void Saw(ArticleInfo entry)
        {
            lastSeen = entry;
            if (string.Equals(entry.SourceHash, sourceHash, StringComparison.Ordinal) && ArticleStatuses.IsFinal(entry.Status))
            {
                Done.TrySetResult(entry);
            }
        }
    }
}
