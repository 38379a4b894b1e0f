using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Specialized;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// Blob-triggered functions of the TestApp, fed by blobs written with the Azure SDK through the host's public blob
/// endpoint (the event proxy in front of Azurite), and by Event Grid events posted to the blobs webhook.
/// </summary>
[Collection(TestAppHostCollectionDefinition.Name)]
public sealed class TestAppBlobTriggerEndToEndTests : IDisposable
{
    private const string Incoming = "incoming";
    private const string Processed = "processed";
    private const string BlobCopyWebhook = "runtime/webhooks/blobs?functionName=Host.Functions.BlobCopy";
    private static readonly TimeSpan TriggerTimeout = TimeSpan.FromSeconds(15);

    private readonly TestAppHostFixture _fixture;
    private readonly ITestOutputHelper _output;

    public TestAppBlobTriggerEndToEndTests(TestAppHostFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        fixture.Log.WriteTo(output);
    }

    private EndToEndHost Host => _fixture.Host;

    public void Dispose() => _fixture.Log.WriteTo(null);

    [Fact]
    public async Task A_blob_written_through_the_storage_endpoint_is_copied_by_its_event_grid_trigger()
    {
        var stem = UniqueStem();
        var source = await Host.BlobAsync(Incoming, $"{stem}.txt");
        var copy = await Host.BlobAsync(Processed, $"{stem}-copy.txt");
        var content = $"content of {stem}";

        var stopwatch = Stopwatch.StartNew();
        await source.UploadAsync(BinaryData.FromString(content));
        var copied = await Poll.UntilAsync($"processed/{stem}-copy.txt", TriggerTimeout, ct => EndToEndHost.TryDownloadAsync(copy, ct));
        _output.WriteLine($"Blob write to copy present: {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(content, copied.ToString());
    }

    [Fact]
    public async Task A_blob_in_a_scanned_container_is_passed_to_the_function_as_text()
    {
        var name = $"{UniqueStem()}.txt";
        var source = await Host.BlobAsync("text-in", name);
        var length = await Host.BlobAsync(Processed, $"{name}.len");

        var stopwatch = Stopwatch.StartNew();
        await source.UploadAsync(BinaryData.FromString("fourteen chars"));
        var written = await Poll.UntilAsync($"processed/{name}.len", TriggerTimeout, ct => EndToEndHost.TryDownloadAsync(length, ct));
        _output.WriteLine($"Blob write to length present: {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal("14", written.ToString());
    }

    [Fact]
    public async Task A_blob_whose_function_keeps_failing_goes_to_the_poison_queue_after_five_tries()
    {
        var stem = UniqueStem();
        var source = await Host.BlobAsync(Incoming, $"{stem}.txt");
        var copy = await Host.BlobAsync(Processed, $"{stem}-copy.txt");
        var poisonQueue = Host.Queues.GetQueueClient("webjobs-blobtrigger-poison");

        var written = await source.UploadAsync(BinaryData.FromString("fail"));
        var json = await Poll.UntilAsync($"a poison message for incoming/{stem}.txt", TriggerTimeout, async ct =>
        {
            try
            {
                var peeked = await poisonQueue.PeekMessagesAsync(32, ct);
                return peeked.Value
                    .Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText)))
                    .FirstOrDefault(text => JsonSerializer.Deserialize<JsonElement>(text).GetProperty("BlobName").GetString() == $"{stem}.txt");
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null; // The queue is made with the first poison message.
            }
        });
        var message = JsonSerializer.Deserialize<JsonElement>(json);

        Assert.Equal("BlobTrigger", message.GetProperty("Type").GetString());
        Assert.Equal("Host.Functions.BlobCopy", message.GetProperty("FunctionId").GetString());
        Assert.Equal(Incoming, message.GetProperty("ContainerName").GetString());
        Assert.Equal(written.Value.ETag.ToString(), message.GetProperty("ETag").GetString());
        Assert.Equal(4, _fixture.Log.Lines($"BlobCopy failed for {Incoming}/{stem}.txt (try ", "; retrying").Count);
        Assert.Null(await EndToEndHost.TryDownloadAsync(copy));
    }

    [Fact]
    public async Task A_blob_created_event_posted_to_the_webhook_runs_the_function_for_the_blobs_current_version()
    {
        // Appending changes a blob without an event (as with Event Grid), so only the webhook can announce the new content.
        var stem = UniqueStem();
        var source = (await Host.BlobAsync(Incoming, $"{stem}.txt")).GetParentBlobContainerClient().GetAppendBlobClient($"{stem}.txt");
        var copy = await Host.BlobAsync(Processed, $"{stem}-copy.txt");
        await source.CreateAsync();
        await Poll.UntilAsync("the copy of the empty append blob", TriggerTimeout, ct => EndToEndHost.TryDownloadAsync(copy, ct));
        var appended = await source.AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes("appended later")));

        using var response = await Host.Api.PostAsync(
            new Uri(BlobCopyWebhook, UriKind.Relative),
            JsonContent.Create(new[] { BlobCreatedEvent(source.Uri, appended.Value.ETag) }));
        var copied = await Poll.UntilAsync("the copy of the appended content", TriggerTimeout, async ct =>
            await EndToEndHost.TryDownloadAsync(copy, ct) is { } content && content.ToString().Length > 0 ? content : null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());
        Assert.Equal("appended later", copied.ToString());
    }

    [Fact]
    public async Task The_webhook_answers_the_event_grid_subscription_validation_with_its_code()
    {
        var validation = new
        {
            id = Guid.NewGuid().ToString(),
            topic = "/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
            subject = "",
            eventType = "Microsoft.EventGrid.SubscriptionValidationEvent",
            eventTime = DateTimeOffset.UtcNow,
            dataVersion = "2",
            data = new { validationCode = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6", validationUrl = "https://example.invalid/validate" },
        };

        using var response = await Host.Api.PostAsync(new Uri(BlobCopyWebhook, UriKind.Relative), JsonContent.Create(new[] { validation }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", body.GetProperty("validationResponse").GetString());
    }

    [Theory]
    [InlineData("Host.Functions.NoSuchFunction")]
    [InlineData("Host.Functions.BlobText")] // A blob trigger, but scanned: Event Grid does not feed it.
    [InlineData("Host.Functions.Echo")]
    public async Task The_webhook_refuses_a_function_name_that_is_no_event_grid_blob_trigger_with_404(string functionName)
    {
        var blob = Host.Blobs.GetBlobContainerClient(Incoming).GetBlobClient($"{UniqueStem()}.txt").Uri;

        using var response = await Host.Api.PostAsync(
            new Uri($"runtime/webhooks/blobs?functionName={functionName}", UriKind.Relative),
            JsonContent.Create(new[] { BlobCreatedEvent(blob, new ETag("\"0x8DC0000000000000\"")) }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_webhook_refuses_a_body_that_is_not_json_with_400()
    {
        using var body = new StringContent("this is not an event", Encoding.UTF8, "application/json");

        using var response = await Host.Api.PostAsync(new Uri(BlobCopyWebhook, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string UniqueStem() => $"e2e-{Guid.NewGuid():N}";

    // An Event Grid schema BlobCreated event as Azure sends it for a storage account.
    private static object BlobCreatedEvent(Uri blob, ETag etag)
    {
        var container = blob.Segments[^2].TrimEnd('/');
        var name = Uri.UnescapeDataString(blob.Segments[^1]);
        return new
        {
            id = Guid.NewGuid().ToString(),
            topic = "/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
            subject = $"/blobServices/default/containers/{container}/blobs/{name}",
            eventType = "Microsoft.Storage.BlobCreated",
            eventTime = DateTimeOffset.UtcNow,
            dataVersion = "1",
            metadataVersion = "1",
            data = new
            {
                api = "PutBlob",
                clientRequestId = Guid.NewGuid().ToString(),
                requestId = Guid.NewGuid().ToString(),
                eTag = etag.ToString(),
                contentType = "application/octet-stream",
                blobType = "AppendBlob",
                url = blob.AbsoluteUri,
                sequencer = "00000000000000000000000000000000000000000000000",
            },
        };
    }
}
