using System.Net;
using System.Net.Sockets;
using LocalFunctionsHost.Tests.EndToEnd;

namespace LocalFunctionsHost.Tests.Browser;

/// <summary>
/// The content pipeline under the local host, set up the way a reader's browser needs it: the pages' own URLs
/// (<c>ContentPipeline:SiteBaseUrl</c>), the beacon's API (<c>ContentPipeline:ApiBaseUrl</c>, which the pages'
/// Content-Security-Policy names) and the API's CORS origin (<c>Host.CORS</c>) all name the ports the host really
/// listens on. Those live in the app's <c>local.settings.json</c>, so the host runs a copy of the built app whose
/// settings name two free ports picked beforehand, instead of the default 7071/7072 another run may hold.
/// </summary>
internal sealed class PipelineSiteHost : IAsyncDisposable
{
    private readonly string _appCopy;

    private PipelineSiteHost(EndToEndHost host, string appCopy)
    {
        Host = host;
        _appCopy = appCopy;
    }

    public EndToEndHost Host { get; }

    /// <summary>The site's origin with a trailing slash, as pages name it (<c>http://127.0.0.1:{port}/</c>).</summary>
    public Uri Site => Host.Host.SiteUri;

    public static async Task<PipelineSiteHost> StartAsync(HostLog log)
    {
        var apiPort = FreeLoopbackPort();
        var sitePort = FreeLoopbackPort();
        var site = $"http://127.0.0.1:{sitePort}";
        var appCopy = FunctionAppCopy.Create(EndToEndApps.ContentPipeline, new Dictionary<string, string>
        {
            ["ContentPipeline__SiteBaseUrl"] = site + "/",
            ["ContentPipeline__ApiBaseUrl"] = $"http://127.0.0.1:{apiPort}/api/",
        }, cors: site);
        try
        {
            var host = await EndToEndHost.StartAsync(appCopy, log, "--port", $"{apiPort}", "--site-port", $"{sitePort}");
            return new PipelineSiteHost(host, appCopy);
        }
        catch
        {
            Directory.Delete(appCopy, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.DisposeAsync();
        }
        finally
        {
            Directory.Delete(_appCopy, recursive: true);
        }
    }

    // The port is free when asked; the host binds it a moment later. Another process taking it in between would
    // make the host's start fail loudly, not make a test pass wrongly.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
