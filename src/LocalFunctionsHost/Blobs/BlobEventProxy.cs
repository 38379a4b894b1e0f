using System.Diagnostics;
using System.Net;
using LocalFunctionsHost.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Yarp.ReverseProxy.Forwarder;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// A pass-through HTTP proxy in front of a blob service (Azurite's), on a port of its own on 127.0.0.1, that announces
/// every blob it sees created, replaced or deleted to an <see cref="IBlobChangeListener"/>.
/// </summary>
/// <remarks>
/// <para>
/// On the default port 10000 it stands where "UseDevelopmentStorage=true" looks for blobs, so any client of development
/// storage writes through it, while the real Azurite listens elsewhere. Requests and responses are streamed both ways,
/// never buffered, and reach storage unchanged: method, raw path and query, every header (Host and Authorization included).
/// Shared Key signatures cover the verb, some headers and the canonicalized resource /account/container/blob, never
/// the host or port, so a request signed for the proxy's address authenticates at Azurite as it is.
/// </para>
/// <para>It runs its own small Kestrel app, apart from the host's: start it, use <see cref="Port"/>, dispose it.</para>
/// </remarks>
public sealed partial class BlobEventProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _upstreamClient;

    private BlobEventProxy(WebApplication app, HttpMessageInvoker upstreamClient, int port)
    {
        _app = app;
        _upstreamClient = upstreamClient;
        Port = port;
    }

    /// <summary>The port the proxy listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The development account's blob endpoint through the proxy, e.g. http://127.0.0.1:10000/devstoreaccount1.</summary>
    public Uri BlobEndpoint => DevelopmentStorageAccount.AccountEndpoint(Port);

    /// <summary>Starts listening; returns once the port is bound.</summary>
    public static async Task<BlobEventProxy> StartAsync(
        BlobEventProxyOptions options,
        IBlobChangeListener listener,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Upstream);
        ArgumentNullException.ThrowIfNull(listener);
        if (!options.Upstream.IsAbsoluteUri)
        {
            throw new ArgumentException("The upstream blob service must be an absolute URI, e.g. http://127.0.0.1:45509.", nameof(options));
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        var upstreamPrefix = options.Upstream.GetLeftPart(UriPartial.Authority);

        // An empty builder: no configuration sources, so nothing in the host's environment (ASPNETCORE_URLS, appsettings) reaches this app.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Blob uploads run to gigabytes (Put Block takes up to 4000 MiB); Kestrel's default cap is 30 MB.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddLogging();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.Services.AddHttpForwarder();

        var app = builder.Build();
        var logger = loggerFactory.CreateLogger<BlobEventProxy>();
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        var transformer = new BlobChangeDetectingTransformer(listener, logger, app.Lifetime.ApplicationStopping);
        var requestConfig = new ForwarderRequestConfig
        {
            ActivityTimeout = options.ActivityTimeout,

            // Azurite speaks HTTP/1.1 only.
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        var upstreamClient = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,

            // No traceparent of the proxy's own: the request goes on as the client sent it.
            ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        });

        app.Run(async context =>
        {
            var error = await forwarder.SendAsync(context, upstreamPrefix, upstreamClient, requestConfig, transformer);
            if (error != ForwarderError.None)
            {
                LogForwardFailed(logger, context.GetForwarderErrorFeature()?.Exception, error, context.Request.Method, context.Request.Path, upstreamPrefix);
            }
        });

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            upstreamClient.Dispose();
            throw;
        }

        var port = BoundPort(app);
        LogListening(logger, port, upstreamPrefix);
        return new BlobEventProxy(app, upstreamClient, port);
    }

    /// <summary>Stops listening; requests in flight get a moment to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            _upstreamClient.Dispose();
        }
    }

    private static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        return new Uri(addresses.Single()).Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob event proxy listens on 127.0.0.1:{Port} and forwards to {Upstream}")]
    private static partial void LogListening(ILogger logger, int port, string upstream);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob event proxy could not forward {Method} {Path} to {Upstream}: {Error}")]
    private static partial void LogForwardFailed(ILogger logger, Exception? exception, ForwarderError error, string method, PathString path, string upstream);
}
