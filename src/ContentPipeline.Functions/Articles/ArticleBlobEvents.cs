using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using ContentPipeline.Core;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Articles;

/// <summary>
/// <c>POST /api/events/articles</c>: the Event Grid webhook for <c>Microsoft.Storage.BlobDeleted</c> on the articles
/// container. The blob trigger never fires for deletes, so deleting a source blob unpublishes its article here (and,
/// if an event is lost, in the reconciliation pass). Answers Event Grid's subscription validation handshake.
/// </summary>
public sealed class ArticleBlobEvents(ArticleUnpublisher unpublisher, ContentPipelineOptions options)
{
    [Function(nameof(ArticleBlobEvents))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "events/articles")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EventGridEvent[] events;
        try
        {
            events = EventGridEvent.ParseMany(await BinaryData.FromStreamAsync(request.Body, cancellationToken));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or FormatException)
        {
            return Problems.BadEvents($"The body is not an array of Event Grid events (Event Grid schema, not CloudEvents): {ex.Message}");
        }

        foreach (var gridEvent in events)
        {
            if (!gridEvent.TryGetSystemEventData(out var data))
            {
                continue;
            }

            switch (data)
            {
                case SubscriptionValidationEventData validation:
                    return TypedResults.Ok(new { validationResponse = validation.ValidationCode });
                case StorageBlobDeletedEventData deleted when SourceSlug(deleted.Url) is { } slug:
                    await unpublisher.UnpublishIfSourceGoneAsync(slug, cancellationToken);
                    break;
            }
        }

        return TypedResults.Ok();
    }

    // https://{account}.blob.core.windows.net/articles/{slug}.{ext} → slug; anything else is not an article source.
    private Slug? SourceSlug(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        // The path is /{container}/{blob name}, the name possibly holding more slashes.
        var path = uri.AbsolutePath.TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !string.Equals(path[..slash], options.ArticlesContainer, StringComparison.Ordinal))
        {
            return null;
        }

        var name = Uri.UnescapeDataString(path[(slash + 1)..]);
        if (!ArticleFormats.TryFromFileName(name, out _))
        {
            return null;
        }

        return Slug.TryParse(name[..name.LastIndexOf('.')], out var slug, out _) ? slug : null;
    }
}
