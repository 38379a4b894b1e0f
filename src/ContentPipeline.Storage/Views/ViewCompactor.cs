namespace ContentPipeline.Storage.Views;

/// <summary>
/// Folds an article's old delta rows into its total row so reads stay cheap. Exact under concurrency and crashes:
/// the total is replaced only if unchanged since it was read (If-Match), it names the deltas it now includes, and
/// those are deleted only after; readers and the next compaction skip (and finish deleting) deltas the total names.
/// Only deltas older than <see cref="ViewCounterOptions.CompactionAge"/> are folded, so a delta insert that is still
/// being retried can never be re-inserted after it was folded in.
/// </summary>
public sealed class ViewCompactor(ViewCounterTable table, ViewCounterOptions options, TimeProvider time)
{
    // Bounded so the list of folded keys fits comfortably in one string property.
    private const int MaxFoldedPerRound = 100;
    private const int MaxConflicts = 8;

    /// <summary>Compacts <paramref name="slug"/>'s counter; returns how many deltas were folded in.</summary>
    public async Task<int> CompactAsync(string slug, CancellationToken cancellationToken = default)
    {
        var horizon = ViewCounterTable.DeltaKeyBefore(time.GetUtcNow() - options.CompactionAge);
        var folded = 0;
        for (var conflicts = 0; conflicts < MaxConflicts;)
        {
            var rows = await table.ReadAsync(slug, cancellationToken).ConfigureAwait(false);

            // Finish the previous round: deltas the total already includes go before the total stops naming them.
            var leftovers = rows.Deltas.Where(delta => rows.Absorbed.Contains(delta.RowKey)).Select(delta => delta.RowKey).ToList();
            if (leftovers.Count > 0)
            {
                await table.DeleteRowsAsync(slug, leftovers, cancellationToken).ConfigureAwait(false);
            }

            var due = rows.Deltas
                .Where(delta => !rows.Absorbed.Contains(delta.RowKey) && string.CompareOrdinal(delta.RowKey, horizon) < 0)
                .OrderBy(delta => delta.RowKey, StringComparer.Ordinal)
                .Take(MaxFoldedPerRound)
                .ToList();
            if (due.Count == 0)
            {
                return folded;
            }

            var keys = due.Select(delta => delta.RowKey).ToList();
            if (!await table.TryReplaceTotalAsync(slug, rows.Compacted + due.Sum(delta => delta.Views), keys, rows.TotalETag, cancellationToken).ConfigureAwait(false))
            {
                // Another compaction won; start over from what it wrote.
                conflicts++;
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25 * conflicts)), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await table.DeleteRowsAsync(slug, keys, cancellationToken).ConfigureAwait(false);
            folded += due.Count;
            if (due.Count < MaxFoldedPerRound)
            {
                return folded;
            }
        }

        return folded;
    }
}
