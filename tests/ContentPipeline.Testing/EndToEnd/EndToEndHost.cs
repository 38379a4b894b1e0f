using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using LocalFunctionsHost.Hosting;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Testing.EndToEnd;

/// <summary>
/// The real local host, started in this process as <c>dotnet run --project src/LocalFunctionsHost -- --app &lt;output&gt;</c>
/// would start it, except that every port is 0 (so hosts never collide) and Azurite keeps its data in memory unless
/// the test asks for <c>--persist</c>. Tests reach it only as any client would: HTTP to the API and site, and the
/// Azure SDK with the connection string the worker got.
/// </summary>
internal sealed class EndToEndHost : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ILoggerFactory _loggerFactory;

    private EndToEndHost(LocalHost host, ILoggerFactory loggerFactory, HostLog log)
    {
        Host = host;
        _loggerFactory = loggerFactory;
        Log = log;
        Api = CreateClient(host.ApiUri);
        Site = CreateClient(host.SiteUri);
        Blobs = new BlobServiceClient(host.StorageConnectionString);
        Queues = new QueueServiceClient(host.StorageConnectionString);
    }

    public LocalHost Host { get; }

    public HostLog Log { get; }

    /// <summary>A client whose base address is the API origin (requests use paths such as <c>api/echo/1</c>).</summary>
    public HttpClient Api { get; }

    /// <summary>A client whose base address is the static site's origin.</summary>
    public HttpClient Site { get; }

    /// <summary>Blob storage through the host's public endpoint (the event proxy), as the worker and any other client see it.</summary>
    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>Starts the host on <paramref name="appOutput"/> with every port 0 and <paramref name="extraArguments"/> after the defaults.</summary>
    public static async Task<EndToEndHost> StartAsync(string appOutput, HostLog log, params string[] extraArguments)
    {
        string[] arguments =
        [
            "--app", appOutput, "--no-build",
            "--port", "0", "--site-port", "0", "--blob-port", "0", "--queue-port", "0", "--table-port", "0",
            .. extraArguments,
        ];

        // No environment: FUNCTIONS_HOST_* variables of whoever runs the tests must not move the ports.
        var (options, error) = LocalHostOptions.Parse(arguments, _ => null);
        if (options is null)
        {
            throw new InvalidOperationException($"The host refused the test's arguments: {error}");
        }

        var loggerFactory = log.CreateFactory();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            var host = await LocalHost.StartAsync(options, EndToEndApps.RepositoryRoot, loggerFactory, timeout.Token);
            return new EndToEndHost(host, loggerFactory, log);
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>The blob's content, or null while it does not exist (nor its container).</summary>
    public static async Task<BinaryData?> TryDownloadAsync(BlobClient blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A blob in a container that is created if need be.</summary>
    public async Task<BlobClient> BlobAsync(string container, string name)
    {
        var client = Blobs.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        return client.GetBlobClient(name);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Site.Dispose();
        try
        {
            await Host.DisposeAsync();
        }
        finally
        {
            _loggerFactory.Dispose();
        }
    }

    private static HttpClient CreateClient(Uri origin) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = origin,

            // Longer than any wait a test expects, short enough that a hung request fails the test instead of the run.
            Timeout = TimeSpan.FromSeconds(30),
        };
}
