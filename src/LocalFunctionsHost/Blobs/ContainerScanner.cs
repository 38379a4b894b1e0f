using Azure;
using Azure.Storage.Blobs;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// Finds blobs the proxy did not see: at start-up for every blob trigger (blobs written while the host was
/// down), and then every <paramref name="interval"/> for the <paramref name="polled"/> triggers: those with the
/// default scan source (the real host polls every 10 seconds), or all of them when no proxy sees the writes.
/// Receipts keep a scan from firing twice for the same blob version.
/// </summary>
internal sealed partial class ContainerScanner(
    BlobTriggerDispatcher dispatcher,
    BlobServiceClient storage,
    IReadOnlyList<BlobTriggerFunction> polled,
    TimeSpan interval,
    ILogger<ContainerScanner> logger)
{
    /// <summary>The real host's scan interval.</summary>
    public static readonly TimeSpan RealHostScanInterval = TimeSpan.FromSeconds(10);

    public Task ScanAllAsync(CancellationToken cancellationToken = default) => ScanAsync(dispatcher.Functions, cancellationToken);

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        if (polled.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await ScanAsync(polled, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task ScanAsync(IReadOnlyList<BlobTriggerFunction> functions, CancellationToken cancellationToken)
    {
        foreach (var group in functions.GroupBy(f => f.Path.Container, StringComparer.Ordinal))
        {
            try
            {
                await foreach (var blob in storage.GetBlobContainerClient(group.Key).GetBlobsAsync(cancellationToken: cancellationToken))
                {
                    foreach (var function in group)
                    {
                        dispatcher.Enqueue(function, group.Key, blob.Name, blob.Properties.ETag, requireSameETag: true);
                    }
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // The container does not exist yet: nothing to find.
            }
            catch (RequestFailedException ex)
            {
                LogScanFailed(ex, group.Key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scanning container {Container} for blob triggers failed")]
    private partial void LogScanFailed(Exception exception, string container);
}
