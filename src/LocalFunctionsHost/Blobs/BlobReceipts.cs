using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// Remembers which blob versions a function has handled, as the real host does: an empty blob at
/// <c>azure-webjobs-hosts/blobreceipts/{hostId}/{functionId}/{etag}/{container}/{blob}</c>. Keyed by ETag, so a
/// restart does not fire again for unchanged blobs while a new version of a blob fires once more.
/// </summary>
internal sealed class BlobReceipts(BlobServiceClient storage, string hostId)
{
    public const string ContainerName = "azure-webjobs-hosts";

    private readonly BlobContainerClient container = storage.GetBlobContainerClient(ContainerName);

    public async Task<bool> ExistsAsync(string functionName, string blobContainer, string blobName, ETag etag, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Receipt(functionName, blobContainer, blobName, etag).ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return false;
        }
    }

    public async Task WriteAsync(string functionName, string blobContainer, string blobName, ETag etag, CancellationToken cancellationToken = default)
    {
        var receipt = Receipt(functionName, blobContainer, blobName, etag);
        try
        {
            await receipt.UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await receipt.UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);
        }
    }

    /// <summary>The function id the real host uses in receipt paths and queue messages.</summary>
    public static string FunctionId(string functionName) => $"Host.Functions.{functionName}";

    private BlobClient Receipt(string functionName, string blobContainer, string blobName, ETag etag) =>
        container.GetBlobClient($"blobreceipts/{hostId}/{FunctionId(functionName)}/{etag.ToString().Trim('"')}/{blobContainer}/{blobName}");
}
