using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// The loopback gRPC server workers connect to: its own web application, separate from the host's
/// public HTTP listener, on 127.0.0.1 and a free port, speaking HTTP/2 only.
/// </summary>
internal sealed class GrpcServer : IAsyncDisposable
{
    private readonly WebApplication _application;

    private GrpcServer(WebApplication application, int port)
    {
        _application = application;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What workers are given as <c>--functions-uri</c>.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    public static async Task<GrpcServer> StartAsync(
        WorkerChannelRegistry registry,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        // The empty builder reads no appsettings or environment, so nothing meant for the host's public
        // listener (Kestrel endpoints, URLs) can leak onto this one.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            // The worker dials http:// with HTTP/2 prior knowledge; without TLS there is no ALPN, so an
            // endpoint that also allowed HTTP/1.1 would answer it as HTTP/1.1 and the call would fail.
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });

        // The server's own logs (routing, Kestrel) matter only when something goes wrong.
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc(grpc =>
        {
            // Messages carry whole HTTP bodies and blob contents; the real host lifts both limits.
            grpc.MaxReceiveMessageSize = int.MaxValue;
            grpc.MaxSendMessageSize = int.MaxValue;
            grpc.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(new FunctionRpcService(registry, loggerFactory.CreateLogger<FunctionRpcService>()));

        var application = builder.Build();
        application.MapGrpcService<FunctionRpcService>();
        await application.StartAsync(cancellationToken);

        var address = application.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GrpcServer(application, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _application.StopAsync(timeout.Token);
        }
        finally
        {
            await _application.DisposeAsync();
        }
    }

    private sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

        public void Dispose()
        {
            // The target factory belongs to the caller.
        }
    }
}
