using System.Net;
using Azure.Storage.Blobs;
using LocalFunctionsHost.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace LocalFunctionsHost.Tests.Site;

/// <summary>
/// A static site on a real Kestrel listener on 127.0.0.1 and a free port, with a client that talks to it.
/// </summary>
internal sealed class StaticSiteTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteTestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        // Redirects are not followed: a test must see one if the site sends it.
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<StaticSiteTestServer> StartAsync(BlobContainerClient container, StaticSiteOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapStaticSite(container, options);
        await app.StartAsync();
        return new StaticSiteTestServer(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
