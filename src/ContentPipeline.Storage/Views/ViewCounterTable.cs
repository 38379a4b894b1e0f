using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using ContentPipeline.Core;

namespace ContentPipeline.Storage.Views;

/// <summary>
/// Every storage call of the view counter. One partition per article; rows are insert-only deltas
/// (<c>d-{ticks}-{random}</c>, one per committed batch of views) and one compacted <c>total</c> row.
/// Inserting a delta never conflicts, so a hot article does not serialize writers on one entity.
/// </summary>
public sealed class ViewCounterTable
{
    /// <summary>
    /// The longest a delta insert can still be in flight, retries included, under <see cref="ClientOptions"/>:
    /// four attempts of at most 4 s each plus the back-off between them.
    /// </summary>
    public static readonly TimeSpan MaxWriteWindow = TimeSpan.FromSeconds(20);

    private const string TotalRowKey = "total";
    private const string DeltaPrefix = "d-";
    private const string ViewsProperty = "Views";
    private const string AbsorbedProperty = "Absorbed";
    private const int MaxBatch = 100;

    // The keys are listed too: a $select does not return them by itself.
    private static readonly string[] RowProperties = ["PartitionKey", "RowKey", ViewsProperty, AbsorbedProperty];

    private readonly TableClient table;

    /// <summary>Creates the counter table client on the table named in <paramref name="options"/>.</summary>
    public ViewCounterTable(TableServiceClient tables, ContentPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        table = tables.GetTableClient(options.ViewsTable);
    }

    /// <summary>
    /// Client options that bound how long a write can be retried (see <see cref="MaxWriteWindow"/>), which is what
    /// makes compaction safe: it only folds in deltas older than that.
    /// </summary>
    public static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(4);
        return options;
    }

    /// <summary>A new delta row key for a batch committed at <paramref name="now"/>; keys sort by time.</summary>
    public static string NewDeltaKey(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{DeltaPrefix}{now.UtcTicks:D19}-{Random.Shared.NextInt64():x16}");

    /// <summary>The delta keys written before <paramref name="moment"/> sort below this key.</summary>
    public static string DeltaKeyBefore(DateTimeOffset moment) => string.Create(CultureInfo.InvariantCulture, $"{DeltaPrefix}{moment.UtcTicks:D19}");

    /// <summary>
    /// Stores a delta of <paramref name="views"/>. Idempotent under the SDK's retries: a retried insert whose first
    /// attempt landed finds its own row (409) and succeeds without adding it twice.
    /// </summary>
    public Task InsertDeltaAsync(string slug, string rowKey, long views, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(slug, rowKey) { [ViewsProperty] = views };
        return CreateOnFirstUse.RunAsync(table, async () =>
        {
            try
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == "EntityAlreadyExists")
            {
                // This very delta was stored by an attempt whose answer was lost.
            }
        }, cancellationToken);
    }

    /// <summary>Reads every row of <paramref name="slug"/>'s counter.</summary>
    public async Task<ViewRows> ReadAsync(string slug, CancellationToken cancellationToken) =>
        (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {slug}"), cancellationToken).ConfigureAwait(false))
            .GetValueOrDefault(slug, ViewRows.Empty);

    /// <summary>
    /// Replaces the compacted total if it is still the version read (<paramref name="expected"/>, or absent when
    /// null). False when another compaction got there first.
    /// </summary>
    public async Task<bool> TryReplaceTotalAsync(string slug, long total, IEnumerable<string> absorbed, ETag? expected, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(slug, TotalRowKey)
        {
            [ViewsProperty] = total,
            [AbsorbedProperty] = string.Join(' ', absorbed),
        };
        try
        {
            if (expected is { } etag)
            {
                await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CreateOnFirstUse.RunAsync(table, () => table.AddEntityAsync(entity, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Deletes the given rows of <paramref name="slug"/>; rows already gone are fine.</summary>
    public async Task DeleteRowsAsync(string slug, IReadOnlyCollection<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowKeys.Chunk(MaxBatch))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(slug, key), ETag.All)), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // One row of the batch was already gone (a concurrent compaction), which fails the whole batch:
                // delete one by one instead, each tolerating absence.
                foreach (var key in chunk)
                {
                    await DeleteRowAsync(slug, key, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Deletes every row of <paramref name="slug"/>'s counter.</summary>
    public async Task DeleteAllAsync(string slug, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {slug}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                keys.Add(entity.RowKey);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return;
        }

        await DeleteRowsAsync(slug, keys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The total of every counter in the table, by article slug.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadAllTotalsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync(filter: null, cancellationToken).ConfigureAwait(false)).ToDictionary(pair => pair.Key, pair => pair.Value.Total, StringComparer.Ordinal);

    // The counter rows matching filter (every row when null), grouped by article.
    private async Task<Dictionary<string, ViewRows>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, ViewRows>(StringComparer.Ordinal);
        var deltas = new Dictionary<string, List<ViewDelta>>(StringComparer.Ordinal);
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: RowProperties, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (entity.RowKey == TotalRowKey)
                {
                    totals[entity.PartitionKey] = new ViewRows(entity.GetInt64(ViewsProperty) ?? 0, ParseAbsorbed(entity.GetString(AbsorbedProperty)), entity.ETag, []);
                }
                else if (entity.RowKey.StartsWith(DeltaPrefix, StringComparison.Ordinal))
                {
                    deltas.TryAdd(entity.PartitionKey, []);
                    deltas[entity.PartitionKey].Add(new ViewDelta(entity.RowKey, entity.GetInt64(ViewsProperty) ?? 0));
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nobody has viewed anything.
        }

        return totals.Keys.Union(deltas.Keys).ToDictionary(
            slug => slug,
            slug => totals.GetValueOrDefault(slug, ViewRows.Empty) with { Deltas = deltas.GetValueOrDefault(slug) ?? [] },
            StringComparer.Ordinal);
    }

    /// <summary>The slugs that have deltas written before <paramref name="moment"/>, which compaction can fold in.</summary>
    public async Task<IReadOnlySet<string>> FindSlugsWithDeltasBeforeAsync(DateTimeOffset moment, CancellationToken cancellationToken)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var filter = TableClient.CreateQueryFilter($"RowKey ge {DeltaPrefix} and RowKey lt {DeltaKeyBefore(moment)}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                slugs.Add(entity.PartitionKey);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table, nothing to compact.
        }

        return slugs;
    }

    private async Task DeleteRowAsync(string slug, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(slug, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }

    private static HashSet<string> ParseAbsorbed(string? absorbed) =>
        new(absorbed?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], StringComparer.Ordinal);
}
