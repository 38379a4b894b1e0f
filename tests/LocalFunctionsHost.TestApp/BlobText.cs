using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsHost.TestApp;

/// <summary>
/// <c>text-in/{name}</c> (default scan source, content bound as a string) → <c>processed/{name}.len</c>
/// holding the content's length.
/// </summary>
public static class BlobText
{
    [Function(nameof(BlobText))]
    public static async Task Run(
        [BlobTrigger("text-in/{name}", Connection = "AzureWebJobsStorage")] string content,
        string name,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var processed = await ProcessedContainer.GetAsync(cancellationToken);
        await processed.GetBlobClient($"{name}.len").UploadAsync(
            BinaryData.FromString(content.Length.ToString(CultureInfo.InvariantCulture)), overwrite: true, cancellationToken);
    }
}
