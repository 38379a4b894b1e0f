using Azure.Storage.Blobs;
using ContentPipeline.Core;
using ContentPipeline.Storage.Publishing;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Articles;

/// <summary>
/// Renders every source written to the articles container, whether it came over HTTP or straight into storage.
/// Event Grid is the source Flex Consumption supports; locally the host delivers the same events from Azurite.
/// </summary>
public sealed class PublishArticle(ArticlePublisher publisher)
{
    private const string SourcePath = ContentPipelineOptions.DefaultArticlesContainer + "/{name}";

    [Function(nameof(PublishArticle))]
    public async Task Run(
        [BlobTrigger(SourcePath, Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient source,
        CancellationToken cancellationToken)
    {
        // Expected outcomes (bad source, rejected name, deleted blob) are recorded by the publisher and end here;
        // only unexpected exceptions reach the host, whose retry and poison rules then apply.
        await publisher.PublishAsync(source, cancellationToken);
    }
}
