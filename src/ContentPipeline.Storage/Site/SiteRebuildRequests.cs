using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using ContentPipeline.Core;

namespace ContentPipeline.Storage.Site;

/// <summary>
/// Coalesces requests to rebuild the listings. The first request after a rebuild started leaves a marker row and
/// queues one delayed message; requests that find the marker already there add nothing. The rebuild clears the
/// marker before it reads the catalog, so a change it might miss asks for the next rebuild.
/// </summary>
public sealed class SiteRebuildRequests
{
    private const string Partition = "site";
    private const string MarkerRow = "rebuild-requested";

    private readonly TableClient table;
    private readonly QueueClient queue;
    private readonly TimeSpan delay;
    private readonly TimeProvider time;

    /// <summary>Creates the requests on the catalog table (a partition of their own) and the rebuild queue.</summary>
    public SiteRebuildRequests(TableServiceClient tables, QueueServiceClient queues, ContentPipelineOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(options);
        table = tables.GetTableClient(options.CatalogTable);
        queue = queues.GetQueueClient(options.SiteRebuildQueue);
        delay = options.SiteRebuildDelay;
        this.time = time;
    }

    /// <summary>Asks for a rebuild, unless one is already asked for and not yet started.</summary>
    public async Task RequestAsync(CancellationToken cancellationToken = default)
    {
        var marker = new TableEntity(Partition, MarkerRow) { ["RequestedAt"] = time.GetUtcNow() };
        try
        {
            await CreateOnFirstUse.RunAsync(table, () => table.AddEntityAsync(marker, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return; // Already requested: that rebuild will see this change too.
        }

        await EnqueueAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues a rebuild after the debounce delay, whether or not one is marked as requested.</summary>
    public async Task EnqueueAsync(CancellationToken cancellationToken = default)
    {
        await CreateOnFirstUse.RunAsync(queue, () => queue.SendMessageAsync("rebuild", visibilityTimeout: delay, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Clears the marker as a rebuild starts, so changes from now on ask for another one.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, MarkerRow, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing was marked.
        }
    }
}
