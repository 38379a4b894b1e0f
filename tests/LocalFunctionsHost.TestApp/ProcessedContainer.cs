using Azure.Storage.Blobs;

namespace LocalFunctionsHost.TestApp;

/// <summary>
/// The <c>processed</c> container the storage-triggered functions write their results to, reached
/// through the same <c>AzureWebJobsStorage</c> setting the host gives the triggers.
/// </summary>
internal static class ProcessedContainer
{
    public const string Name = "processed";

    public static async Task<BlobContainerClient> GetAsync(CancellationToken cancellationToken)
    {
        var connectionString = Environment.GetEnvironmentVariable("AzureWebJobsStorage")
            ?? throw new InvalidOperationException("The AzureWebJobsStorage setting is missing.");
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(Name);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return container;
    }
}
