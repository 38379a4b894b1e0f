using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsHost.TestApp;

/// <summary>
/// <c>incoming/{stem}.{ext}</c> (Event Grid source) → <c>processed/{stem}-copy.{ext}</c>; a blob whose
/// content is exactly "fail" throws, so tests can check retries and poison handling.
/// </summary>
public static class BlobCopy
{
    public const string FailingContent = "fail";

    [Function(nameof(BlobCopy))]
    public static async Task Run(
        [BlobTrigger("incoming/{stem}.{ext}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        string stem,
        string ext,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        if (content.ToString() == FailingContent)
        {
            throw new InvalidOperationException($"Blob '{blob.Name}' asked to fail.");
        }

        var processed = await ProcessedContainer.GetAsync(cancellationToken);
        await processed.GetBlobClient($"{stem}-copy.{ext}").UploadAsync(content, overwrite: true, cancellationToken);
    }
}
