using System.Text.Json;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// <c>POST /runtime/webhooks/blobs?functionName=Host.Functions.{name}</c>: the endpoint an Event Grid subscription
/// calls for Event Grid-sourced blob triggers. It answers the subscription validation handshake and queues every
/// <c>Microsoft.Storage.BlobCreated</c> event for the named function. Accepts the Event Grid schema (an array) and
/// CloudEvents (one event or a batch).
/// </summary>
internal static class BlobsWebhookEndpoint
{
    public const string Path = "/runtime/webhooks/blobs";

    private const string FunctionPrefix = "Host.Functions.";

    public static IEndpointRouteBuilder MapBlobsWebhook(this IEndpointRouteBuilder endpoints, BlobTriggerDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Path, (Func<HttpContext, Task<IResult>>)(context => HandleAsync(context, dispatcher)));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, BlobTriggerDispatcher dispatcher)
    {
        var functionName = context.Request.Query["functionName"].ToString();
        var name = functionName.StartsWith(FunctionPrefix, StringComparison.OrdinalIgnoreCase) ? functionName[FunctionPrefix.Length..] : functionName;
        var function = dispatcher.Functions.FirstOrDefault(f => f.Source == BlobTriggerSource.EventGrid && string.Equals(f.FunctionName, name, StringComparison.OrdinalIgnoreCase));
        if (function is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such blob trigger",
                detail: $"functionName='{functionName}' names no Event Grid-sourced blob trigger; use Host.Functions.<name> with one of: {string.Join(", ", dispatcher.Functions.Where(f => f.Source == BlobTriggerSource.EventGrid).Select(f => f.FunctionName))}.");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid event", detail: $"The body is not JSON ({ex.Message}); send Event Grid or CloudEvents JSON.");
        }

        using (document)
        {
            var events = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            var queued = 0;
            foreach (var item in events)
            {
                var type = String(item, "eventType") ?? String(item, "type");
                var data = item.TryGetProperty("data", out var d) ? d : default;
                if (type == "Microsoft.EventGrid.SubscriptionValidationEvent" && data.ValueKind == JsonValueKind.Object)
                {
                    return Results.Ok(new { validationResponse = String(data, "validationCode") });
                }

                if (type != "Microsoft.Storage.BlobCreated" || data.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (!TryParseBlobUrl(String(data, "url"), out var container, out var blobName))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid event", detail: "A BlobCreated event's data.url is not a blob URL (https://{account}.blob.../{container}/{blob} or http://127.0.0.1:10000/{account}/{container}/{blob}).");
                }

                var etag = String(data, "eTag") is { Length: > 0 } tag ? new Azure.ETag(tag) : (Azure.ETag?)null;
                if (dispatcher.Enqueue(function, container, blobName, etag, requireSameETag: false))
                {
                    queued++;
                }
            }

            return Results.Accepted(value: new { queued });
        }
    }

    /// <summary>Container and blob of a blob URL, path-style for the emulator (host is an IP or localhost) and host-style otherwise.</summary>
    internal static bool TryParseBlobUrl(string? url, out string container, out string blobName)
    {
        container = blobName = "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var segments = uri.AbsolutePath.TrimStart('/').Split('/', 3);
        var pathStyle = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback;
        var (containerIndex, minimum) = pathStyle ? (1, 3) : (0, 2);
        if (segments.Length < minimum)
        {
            return false;
        }

        container = Uri.UnescapeDataString(segments[containerIndex]);
        blobName = Uri.UnescapeDataString(string.Join('/', segments.Skip(containerIndex + 1)));
        return container.Length > 0 && blobName.Length > 0;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
