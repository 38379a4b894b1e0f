using System.Globalization;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsHost.TestApp;

/// <summary>
/// <c>work-items</c> queue → <c>processed/queue-{message}.txt</c> holding the message, with the
/// delivery's dequeue count in the blob's <c>dequeuecount</c> metadata; the message "poison" throws.
/// </summary>
public static class QueueEcho
{
    public const string PoisonMessage = "poison";

    [Function(nameof(QueueEcho))]
    public static async Task Run(
        [QueueTrigger("work-items", Connection = "AzureWebJobsStorage")] string message,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        if (message == PoisonMessage)
        {
            throw new InvalidOperationException("The poison message always fails.");
        }

        var dequeueCount = context.BindingContext.BindingData.TryGetValue("DequeueCount", out var count)
            ? Convert.ToString(count, CultureInfo.InvariantCulture)
            : null;
        var processed = await ProcessedContainer.GetAsync(cancellationToken);
        var options = new BlobUploadOptions
        {
            Metadata = dequeueCount is null ? null : new Dictionary<string, string> { ["dequeuecount"] = dequeueCount },
        };
        await processed.GetBlobClient($"queue-{message}.txt").UploadAsync(BinaryData.FromString(message), options, cancellationToken);
    }
}
