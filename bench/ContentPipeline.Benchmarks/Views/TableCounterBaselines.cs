using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ContentPipeline.Benchmarks.Load;
using ContentPipeline.Benchmarks.Reporting;

namespace ContentPipeline.Benchmarks.Views;

/// <summary>
/// The <see cref="CounterBaseline"/>s, straight against Table Storage with the Azure SDK (no function app), on a
/// table of their own. Every run uses a new partition, so each starts from zero and is checked on its own.
/// </summary>
internal sealed class TableCounterBaselines(TableClient table)
{
    /// <summary>The table the baselines count in; the app's own tables are never touched.</summary>
    public const string TableName = "benchcounters";

    private const string CountProperty = "Count";
    private const int MaxBackoffMilliseconds = 32;

    public Task CreateTableAsync(CancellationToken cancellationToken = default) => table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Runs <paramref name="baseline"/> at <paramref name="concurrency"/> and checks the stored count against the successes.</summary>
    public async Task<ScenarioResult> RunAsync(CounterBaseline baseline, int concurrency, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var partition = string.Create(CultureInfo.InvariantCulture, $"{baseline.Key}-c{concurrency}-{Guid.NewGuid():N}");
        for (var row = 0; row < baseline.Rows; row++)
        {
            await table.UpsertEntityAsync(new TableEntity(partition, RowKey(row)) { [CountProperty] = 0L }, TableUpdateMode.Replace, cancellationToken);
        }

        // Retries of a conflicting increment stop at the end of the run; such an increment changed nothing.
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var inserted = 0L;
        var load = await LoadDriver.RunAsync(concurrency, duration, worker => baseline.Write switch
        {
            CounterWrite.Conditional => IncrementConditionallyAsync(partition, RowKey(baseline.Rows == 1 ? 0 : Random.Shared.Next(baseline.Rows)), deadline, cancellationToken),
            CounterWrite.Blind => IncrementBlindlyAsync(partition, RowKey(0)),
            _ => InsertAsync(partition, string.Create(CultureInfo.InvariantCulture, $"{worker:D3}-{Interlocked.Increment(ref inserted):D12}")),
        }, cancellationToken);

        return new ScenarioResult(baseline.Title, load, new Exactness(load.Succeeded, await SumAsync(partition, cancellationToken)));
    }

    private async Task<OperationOutcome> IncrementConditionallyAsync(string partition, string rowKey, long deadline, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        while (true)
        {
            var entity = (await table.GetEntityAsync<TableEntity>(partition, rowKey, cancellationToken: CancellationToken.None)).Value;
            entity[CountProperty] = (entity.GetInt64(CountProperty) ?? 0) + 1;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, CancellationToken.None);
                return OperationOutcome.Succeeded(conflicts);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                conflicts++;
                if (Stopwatch.GetTimestamp() >= deadline || cancellationToken.IsCancellationRequested)
                {
                    return OperationOutcome.Abandoned(conflicts);
                }

                // Full jitter, doubling up to a small cap: what a careful ETag counter does under contention.
                var cap = Math.Min(MaxBackoffMilliseconds, 1 << Math.Min(conflicts, 5));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, cap + 1)), CancellationToken.None);
            }
        }
    }

    private async Task<OperationOutcome> IncrementBlindlyAsync(string partition, string rowKey)
    {
        var entity = (await table.GetEntityAsync<TableEntity>(partition, rowKey)).Value;
        entity[CountProperty] = (entity.GetInt64(CountProperty) ?? 0) + 1;
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace);
        return OperationOutcome.Succeeded();
    }

    private async Task<OperationOutcome> InsertAsync(string partition, string rowKey)
    {
        await table.AddEntityAsync(new TableEntity(partition, rowKey) { [CountProperty] = 1L });
        return OperationOutcome.Succeeded();
    }

    private async Task<long> SumAsync(string partition, CancellationToken cancellationToken)
    {
        var sum = 0L;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: [CountProperty], cancellationToken: cancellationToken))
        {
            sum += entity.GetInt64(CountProperty) ?? 0;
        }

        return sum;
    }

    private static string RowKey(int row) => string.Create(CultureInfo.InvariantCulture, $"shard-{row:D2}");
}
