using Azure;
using Azure.Data.Tables;
using ContentPipeline.Core;

namespace ContentPipeline.Storage.Site;

/// <summary>
/// Lets one rebuild run at a time across every instance, so an older rebuild never overwrites a newer one's
/// listings. A row in the catalog table holds the lock until a deadline; a crashed holder's lock simply expires.
/// </summary>
public sealed class SiteRebuildLock
{
    private const string Partition = "site";
    private const string LockRow = "rebuild-lock";
    private const string HeldUntil = "HeldUntil";

    private readonly TableClient table;
    private readonly TimeProvider time;

    /// <summary>Creates the lock on the catalog table.</summary>
    public SiteRebuildLock(TableServiceClient tables, ContentPipelineOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        table = tables.GetTableClient(options.CatalogTable);
        this.time = time;
    }

    /// <summary>Takes the lock for <paramref name="duration"/>; null when another holder has it.</summary>
    public async Task<ETag?> TryAcquireAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var entity = new TableEntity(Partition, LockRow) { [HeldUntil] = now + duration };
        try
        {
            // A missing table reads as a missing row; the add below creates it.
            var current = await table.GetEntityIfExistsAsync<TableEntity>(Partition, LockRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!current.HasValue)
            {
                var added = await CreateOnFirstUse.RunAsync(table, () => table.AddEntityAsync(entity, cancellationToken), cancellationToken).ConfigureAwait(false);
                return added.Headers.ETag;
            }

            if (current.Value!.GetDateTimeOffset(HeldUntil) > now)
            {
                return null;
            }

            return (await table.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)).Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null; // Another instance took it between the read and the write.
        }
    }

    /// <summary>Releases a lock taken with <paramref name="token"/>; if it expired and was taken over, leaves it alone.</summary>
    public async Task ReleaseAsync(ETag token, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, LockRow, token, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Expired and taken over, or already gone.
        }
    }
}
