using System.Text;
using Azure;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>The TestApp's queue-triggered function, fed by messages sent with the Azure SDK.</summary>
[Collection(TestAppHostCollectionDefinition.Name)]
public sealed class TestAppQueueTriggerEndToEndTests : IDisposable
{
    private const string WorkItems = "work-items";
    private static readonly TimeSpan TriggerTimeout = TimeSpan.FromSeconds(15);

    private readonly TestAppHostFixture fixture;

    public TestAppQueueTriggerEndToEndTests(TestAppHostFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Log.WriteTo(output);
    }

    private EndToEndHost Host => fixture.Host;

    public void Dispose() => fixture.Log.WriteTo(null);

    [Fact]
    public async Task A_base64_queue_message_runs_the_function_once_with_its_dequeue_count()
    {
        var text = "item-" + Guid.NewGuid().ToString("N")[..12];
        var queue = Host.Queues.GetQueueClient(WorkItems);
        await queue.CreateIfNotExistsAsync();
        var output = await Host.BlobAsync("processed", $"queue-{text}.txt");

        // The Functions queue extension expects base64 message text by default, as the SDK's clients send it there.
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
        var written = await Poll.UntilAsync($"processed/queue-{text}.txt", TriggerTimeout, ct => EndToEndHost.TryDownloadAsync(output, ct));

        Assert.Equal(text, written.ToString());
        Assert.Equal("1", (await output.GetPropertiesAsync()).Value.Metadata["dequeuecount"]);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_moves_to_the_poison_queue_after_five_dequeues()
    {
        var queue = Host.Queues.GetQueueClient(WorkItems);
        await queue.CreateIfNotExistsAsync();
        var poison = Host.Queues.GetQueueClient(WorkItems + "-poison");

        // The app throws for exactly this text, so this test's message is the only poison one.
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("poison")));
        var moved = await Poll.UntilAsync("a message on work-items-poison", TimeSpan.FromSeconds(30), async ct =>
        {
            try
            {
                var peeked = await poison.PeekMessagesAsync(32, ct);
                return peeked.Value.FirstOrDefault()?.MessageText;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }
        });

        Assert.Equal("poison", Encoding.UTF8.GetString(Convert.FromBase64String(moved)));
        Assert.Equal(4, fixture.Log.Lines("Queue trigger QueueEcho failed on work-items", "will be retried").Count);
    }
}
