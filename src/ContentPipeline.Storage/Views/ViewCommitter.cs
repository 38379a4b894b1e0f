using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Storage.Views;

/// <summary>
/// Group commit for views: while one batch of an article's views is being written, the views that arrive queue
/// up and are written next, together, as one delta row. One client pays one insert; 64 concurrent clients share a
/// few. A view's task completes only once the row holding it is stored, so a success means it is durable.
/// </summary>
public sealed partial class ViewCommitter(ViewCounterTable table, ViewCompactor compactor, ViewCounterOptions options, TimeProvider time, ILogger<ViewCommitter> logger)
{
    private readonly ConcurrentDictionary<string, ArticleQueue> queues = new(StringComparer.Ordinal);

    /// <summary>Commits one view of <paramref name="slug"/>; returns the article's total views as of that commit.</summary>
    public Task<long> CommitAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var queue = queues.GetOrAdd(slug, static key => new ArticleQueue(key));
        Task<long> committed;
        bool startWriter;
        lock (queue.Gate)
        {
            queue.Waiting++;
            committed = queue.NextBatch.Task;
            startWriter = !queue.Writing;
            queue.Writing = true;
        }

        if (startWriter)
        {
            _ = WriteBatchesAsync(queue);
        }

        // Cancelling abandons the wait, not the view: it may still be committed with its batch.
        return committed.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets the cached total of <paramref name="slug"/> (its counter was deleted).</summary>
    public void Forget(string slug) => queues.TryRemove(slug, out _);

    // One writer per article at a time; it drains the queue batch by batch and stops when nothing waits.
    private async Task WriteBatchesAsync(ArticleQueue queue)
    {
        while (true)
        {
            int views;
            TaskCompletionSource<long> batch;
            lock (queue.Gate)
            {
                if (queue.Waiting == 0)
                {
                    queue.Writing = false;
                    return;
                }

                views = queue.Waiting;
                batch = queue.NextBatch;
                queue.Waiting = 0;
                queue.NextBatch = ArticleQueue.NewBatch();
            }

            try
            {
                // Not a caller's token: the batch belongs to every view in it.
                await table.InsertDeltaAsync(queue.Slug, ViewCounterTable.NewDeltaKey(time.GetUtcNow()), views, CancellationToken.None).ConfigureAwait(false);
                batch.SetResult(await TotalAfterAsync(queue, views).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                LogCommitFailed(ex, queue.Slug, views);
                batch.SetException(ex);
            }

            MaybeCompact(queue);
        }
    }

    // Answering with the exact stored total would cost a partition read per batch. Instead the writer reads it once
    // (the first time it commits for the article), then adds what it commits; when that read is older than the
    // refresh interval, a background read brings in what other instances committed, without holding up the answer.
    private async Task<long> TotalAfterAsync(ArticleQueue queue, int views)
    {
        if (queue.TotalReadAt is null)
        {
            await RefreshTotalAsync(queue).ConfigureAwait(false);
            return queue.Total;
        }

        long total;
        var refresh = false;
        lock (queue.Gate)
        {
            queue.Total += views;
            total = queue.Total;
            if (!queue.Refreshing && time.GetUtcNow() - queue.TotalReadAt.Value >= options.TotalRefreshInterval)
            {
                queue.Refreshing = refresh = true;
            }
        }

        if (refresh)
        {
            _ = RefreshTotalAsync(queue);
        }

        return total;
    }

    private async Task RefreshTotalAsync(ArticleQueue queue)
    {
        var readAt = time.GetUtcNow();
        try
        {
            var stored = (await table.ReadAsync(queue.Slug, CancellationToken.None).ConfigureAwait(false)).Total;
            lock (queue.Gate)
            {
                // Views this instance committed while the read ran may be missing from it; never count backwards.
                queue.Total = Math.Max(queue.Total, stored);
                queue.TotalReadAt = readAt;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The views are stored; only the number shown stays approximate until the next read.
            LogTotalReadFailed(ex, queue.Slug);
            lock (queue.Gate)
            {
                queue.TotalReadAt ??= readAt;
            }
        }
        finally
        {
            lock (queue.Gate)
            {
                queue.Refreshing = false;
            }
        }
    }

    private void MaybeCompact(ArticleQueue queue)
    {
        if (++queue.DeltasSinceCompaction < options.CompactionThreshold || queue.Compacting)
        {
            return;
        }

        queue.DeltasSinceCompaction = 0;
        queue.Compacting = true;
        _ = CompactInBackgroundAsync(queue);
    }

    private async Task CompactInBackgroundAsync(ArticleQueue queue)
    {
        try
        {
            await compactor.CompactAsync(queue.Slug).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Deltas stay correct uncompacted; the timer's sweep tries again.
            LogCompactionFailed(ex, queue.Slug);
        }
        finally
        {
            queue.Compacting = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not commit {Views} view(s) of {Slug}")]
    private partial void LogCommitFailed(Exception exception, string slug, int views);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the view total of {Slug}; answering from the cached total")]
    private partial void LogTotalReadFailed(Exception exception, string slug);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background compaction of the views of {Slug} failed")]
    private partial void LogCompactionFailed(Exception exception, string slug);

    /// <summary>The views of one article waiting to be written, and what its writer knows.</summary>
    private sealed class ArticleQueue(string slug)
    {
        public string Slug { get; } = slug;

        public Lock Gate { get; } = new();

        // Guarded by Gate.
        public int Waiting { get; set; }

        public bool Writing { get; set; }

        public TaskCompletionSource<long> NextBatch { get; set; } = NewBatch();

        // Guarded by Gate: the writer and a background refresh both update them.
        public long Total { get; set; }

        public DateTimeOffset? TotalReadAt { get; set; }

        public bool Refreshing { get; set; }

        // Touched only by the single writer.

        public int DeltasSinceCompaction { get; set; }

        public volatile bool Compacting;

        // Continuations run off the writer's thread, so 64 waiting requests do not run inline in its loop.
        public static TaskCompletionSource<long> NewBatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
