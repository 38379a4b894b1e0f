using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using ContentPipeline.Storage.Cdn;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContentPipeline.Storage.Tests.Cdn;

public sealed class FrontDoorPurgerTests
{
    private static readonly CdnOptions Options = new()
    {
        PurgeEnabled = true,
        SubscriptionId = "00000000-0000-0000-0000-000000000001",
        ResourceGroup = "rg-site",
        ProfileName = "fd-site",
        EndpointName = "site",
    };

    [Fact]
    public async Task Changed_paths_are_purged_on_the_configured_endpoint_folders_included()
    {
        using var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var purger = new FrontDoorPurger(Pipeline(handler), Options, NullLogger<FrontDoorPurger>.Instance);

        await purger.PurgeAsync(["articles/deltas/index.html", "feed.xml", "index.html"]);

        var (uri, body) = Assert.Single(handler.Requests);
        Assert.Equal(
            "https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-site/providers/Microsoft.Cdn/profiles/fd-site/afdEndpoints/site/purge?api-version=2024-02-01",
            uri.ToString());
        var paths = JsonDocument.Parse(body).RootElement.GetProperty("contentPaths").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(["/articles/deltas/index.html", "/articles/deltas/", "/feed.xml", "/index.html", "/"], paths);
    }

    [Fact]
    public async Task More_than_a_hundred_paths_go_in_several_requests()
    {
        using var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var purger = new FrontDoorPurger(Pipeline(handler), Options, NullLogger<FrontDoorPurger>.Instance);

        await purger.PurgeAsync(Enumerable.Range(0, 250).Select(i => $"tags/t{i}.xml").ToList());

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_refused_purge_is_logged_not_thrown()
    {
        using var handler = new RecordingHandler(HttpStatusCode.Forbidden);
        var purger = new FrontDoorPurger(Pipeline(handler), Options, NullLogger<FrontDoorPurger>.Instance);

        await purger.PurgeAsync(["index.html"]);

        Assert.Single(handler.Requests);
    }

    private static HttpPipeline Pipeline(HttpMessageHandler handler)
    {
        var options = new TestClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.MaxRetries = 0;
        return HttpPipelineBuilder.Build(options);
    }

    private sealed class TestClientOptions : ClientOptions;

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<(Uri Uri, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status);
        }
    }
}
