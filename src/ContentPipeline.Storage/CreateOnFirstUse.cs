using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace ContentPipeline.Storage;

/// <summary>
/// Runs a storage operation and, if its table, container or queue does not exist, creates it and runs the operation
/// once more. Resources are created on first use rather than at start-up, so a fresh account (or Azurite) needs no
/// set-up step and a deleted one heals itself.
/// </summary>
internal static class CreateOnFirstUse
{
    public static async Task<T> RunAsync<T>(TableClient table, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == "TableNotFound")
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            return await operation().ConfigureAwait(false);
        }
    }

    public static Task RunAsync(TableClient table, Func<Task> operation, CancellationToken cancellationToken) =>
        RunAsync(table, async () => { await operation().ConfigureAwait(false); return true; }, cancellationToken);

    public static async Task<T> RunAsync<T>(BlobContainerClient container, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return await operation().ConfigureAwait(false);
        }
    }

    public static async Task<T> RunAsync<T>(QueueClient queue, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return await operation().ConfigureAwait(false);
        }
    }
}
