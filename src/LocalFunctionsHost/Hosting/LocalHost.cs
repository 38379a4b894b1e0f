using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using LocalFunctionsHost.App;
using LocalFunctionsHost.Blobs;
using LocalFunctionsHost.Http;
using LocalFunctionsHost.Queues;
using LocalFunctionsHost.Site;
using LocalFunctionsHost.Storage;
using LocalFunctionsHost.Timers;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Hosting;

/// <summary>
/// Everything the host runs, started in dependency order and stopped in reverse: storage (Azurite behind the
/// blob event proxy, or an existing account), the worker, the blob trigger dispatcher, the API and the site.
/// </summary>
internal sealed partial class LocalHost : IAsyncDisposable
{
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";
    private const long MaxRequestBodyBytes = 100 * 1024 * 1024; // The real host's default request size limit.

    // The worker's Kestrel keeps its defaults (100 headers, 32 KiB of them). The host forwards every header and adds
    // its own (x-ms-invocation-id, X-Forwarded-Host repeating Host, -Proto, -For, Expect), so it takes fewer: a
    // request it accepts must not be refused by the worker, where no function would ever answer it.
    private const int MaxRequestHeaderCount = 90;
    private const int MaxRequestHeadersTotalBytes = 16 * 1024;

    // Disposed in reverse start order: the site and API first, Azurite last.
    private readonly Stack<IAsyncDisposable> resources = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger<LocalHost> logger;
    private readonly List<Task> background = [];

    private LocalHost(ILoggerFactory loggerFactory) => logger = loggerFactory.CreateLogger<LocalHost>();

    public Uri ApiUri { get; private set; } = null!;

    public Uri SiteUri { get; private set; } = null!;

    /// <summary>The connection string the worker got: blob requests go through the event proxy when there is one.</summary>
    public string StorageConnectionString { get; private set; } = "";

    public string StorageDescription { get; private set; } = "";

    public WorkerHost Worker { get; private set; } = null!;

    public FunctionAppDirectory App { get; private set; } = null!;

    public IReadOnlyList<HttpTriggerRoute> HttpRoutes { get; private set; } = [];

    public IReadOnlyList<BlobTriggerFunction> BlobTriggers { get; private set; } = [];

    public IReadOnlyList<TimerTriggerFunction> TimerTriggers { get; private set; } = [];

    public IReadOnlyList<QueueTriggerFunction> QueueTriggers { get; private set; } = [];

    public static async Task<LocalHost> StartAsync(LocalHostOptions options, string workingDirectory, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = new LocalHost(loggerFactory);
        try
        {
            await host.StartCoreAsync(options, workingDirectory, loggerFactory, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(LocalHostOptions options, string workingDirectory, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        App = FunctionAppDirectory.Load(await LocateAppAsync(options, workingDirectory, loggerFactory, cancellationToken));

        var relay = new BlobChangeRelay();
        var storage = await StartStorageAsync(options, workingDirectory, relay, loggerFactory, cancellationToken);
        StorageConnectionString = storage.PublicConnectionString;

        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["AzureWebJobsStorage"] = storage.PublicConnectionString };
        foreach (var (name, value) in App.LocalSettings.Values)
        {
            // Other connection settings that name the emulator must reach the same (proxied) storage.
            if (string.Equals(value.Trim(), DevelopmentStorage, StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = storage.PublicConnectionString;
            }
        }

        Worker = new WorkerHost(loggerFactory);
        resources.Push(Worker);
        // The stop signal may reach the worker process before the host disposes it: never restart it then.
        cancellationToken.Register(Worker.BeginStopping);
        try
        {
            await Worker.StartAsync(App, environment, cancellationToken);
        }
        catch (WorkerStartupException ex)
        {
            throw new LocalHostException($"The function app's worker did not start: {ex.Message}", ex);
        }

        var internalBlobs = new BlobServiceClient(storage.InternalConnectionString);
        BlobTriggers = BlobTriggerFunction.From(Worker.Functions, App.LocalSettings.Values);
        var dispatcher = new BlobTriggerDispatcher(
            Worker,
            BlobTriggers,
            internalBlobs,
            new QueueServiceClient(storage.InternalConnectionString),
            new BlobReceipts(internalBlobs, HostIdentity.For(App.Path)),
            storage.PublicBlobEndpoint,
            App.HostJson.Blobs,
            loggerFactory.CreateLogger<BlobTriggerDispatcher>());
        resources.Push(dispatcher);
        relay.Attach(dispatcher);

        StartTimersAndQueues(storage.InternalConnectionString, loggerFactory);

        HttpRoutes = HttpTriggerRoute.From(Worker.Functions, App.HostJson.RoutePrefix);
        var api = await StartApiAsync(options.Port, dispatcher, loggerFactory, cancellationToken);
        ApiUri = api.Uri;
        var site = await StartSiteAsync(options.SitePort, internalBlobs.GetBlobContainerClient(options.SiteContainer), loggerFactory, cancellationToken);
        SiteUri = site.Uri;

        // Without the proxy nobody sees writes as they happen, so every blob trigger falls back to polling.
        var polled = storage.SeesWrites
            ? BlobTriggers.Where(f => f.Source == BlobTriggerSource.LogsAndContainerScan).ToList()
            : BlobTriggers.ToList();
        var scanner = new ContainerScanner(dispatcher, internalBlobs, polled, storage.SeesWrites ? ContainerScanner.RealHostScanInterval : TimeSpan.FromSeconds(2), loggerFactory.CreateLogger<ContainerScanner>());
        await scanner.ScanAllAsync(cancellationToken);
        background.Add(scanner.PollAsync(stopping.Token));
    }

    private void StartTimersAndQueues(string connectionString, ILoggerFactory loggerFactory)
    {
        TimerTriggers = TimerTriggerFunction.From(Worker.Functions, App.LocalSettings.Values);
        var timers = new TimerScheduler(Worker, TimerTriggers, TimeProvider.System, loggerFactory.CreateLogger<TimerScheduler>());
        background.Add(timers.RunAsync(stopping.Token));

        QueueTriggers = QueueTriggerFunction.From(Worker.Functions, App.LocalSettings.Values);
        var encoding = App.HostJson.GetSection("extensions", "queues", "messageEncoding") is { ValueKind: System.Text.Json.JsonValueKind.String } value ? value.GetString() : "base64";
        var queues = new QueueServiceClient(connectionString);
        foreach (var function in QueueTriggers)
        {
            var listener = new QueueListener(Worker, function, queues, string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase), loggerFactory.CreateLogger<QueueListener>());
            background.Add(listener.RunAsync(stopping.Token));
        }
    }

    private static async Task<string> LocateAppAsync(LocalHostOptions options, string workingDirectory, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var (path, error) = FunctionAppLocator.Resolve(options.App, workingDirectory);
        if (path is null)
        {
            throw new LocalHostException(error!);
        }

        if (FunctionAppLocator.IsOutputFolder(path))
        {
            return path;
        }

        if (!options.Build)
        {
            return FunctionAppLocator.FindExistingOutput(path)
                ?? throw new LocalHostException($"--no-build was given but {path} has no build output; build it first or drop --no-build.");
        }

        try
        {
            return await new FunctionAppBuilder(loggerFactory.CreateLogger<FunctionAppBuilder>()).BuildAsync(path, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new LocalHostException($"The function app does not build. {ex.Message}", ex);
        }
    }

    private async Task<StorageEndpoints> StartStorageAsync(LocalHostOptions options, string workingDirectory, IBlobChangeListener listener, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var configured = options.Storage
            ?? App.LocalSettings.Values.GetValueOrDefault("AzureWebJobsStorage")
            ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage");
        var emulator = configured is null || string.Equals(configured.Trim(), DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

        // An emulator already answering on the standard port is used as it is (the proxy could not take the port).
        var existingEmulator = emulator && options.Storage is null && options.BlobPort == BlobEventProxyOptions.DefaultPort
            && await StorageReachability.IsBlobServiceAnsweringAsync(DevelopmentStorage, cancellationToken);
        if (existingEmulator)
        {
            configured = DevelopmentStorage;
        }

        if (!emulator || options.Storage is not null || existingEmulator)
        {
            if (!await StorageReachability.IsBlobServiceAnsweringAsync(configured!, cancellationToken))
            {
                throw new LocalHostException("The storage account in --storage (or AzureWebJobsStorage) does not answer; check the connection string, or remove it to run Azurite.");
            }

            StorageDescription = "the configured account (blob triggers poll every 2 s)";
            return new StorageEndpoints(configured!, configured!, new BlobServiceClient(configured).Uri, SeesWrites: false);
        }

        var azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions
            {
                SearchDirectory = workingDirectory,
                Location = options.Persist ? Path.GetFullPath(options.PersistFolder, workingDirectory) : null,
                BlobPort = 0,
                QueuePort = options.QueuePort,
                TablePort = options.TablePort,
            },
            loggerFactory.CreateLogger<AzuriteProcess>(),
            cancellationToken);
        resources.Push(azurite);

        var proxy = await BlobEventProxy.StartAsync(new BlobEventProxyOptions { Upstream = azurite.BlobEndpoint, Port = options.BlobPort }, listener, loggerFactory, cancellationToken);
        resources.Push(proxy);
        StorageDescription = options.Persist ? $"Azurite, persisted in {options.PersistFolder}" : "Azurite, in memory";
        var publicConnection = DevelopmentStorageAccount.ConnectionString(proxy.BlobEndpoint, azurite.QueueEndpoint, azurite.TableEndpoint);
        return new StorageEndpoints(publicConnection, azurite.ConnectionString, proxy.BlobEndpoint, SeesWrites: true);
    }

    private async Task<(WebApplication App, Uri Uri)> StartApiAsync(int port, BlobTriggerDispatcher dispatcher, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = CreateBuilder(port, loggerFactory);
        builder.Services.AddSingleton(Worker);
        builder.Services.AddSingleton(new WorkerHttpForwarder(WorkerHttpForwarder.CreateClient()));
        builder.Services.AddSingleton<HttpTriggerInvoker>();
        var origins = App.LocalSettings.CorsOrigins;
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins]);
                if (App.LocalSettings.CorsCredentials)
                {
                    policy.AllowCredentials();
                }
            }

            policy.AllowAnyHeader().AllowAnyMethod();
        }));

        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = RoutingProblemDetails.Describe);

        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseCors();
        app.MapHttpTriggers(HttpRoutes);
        app.MapBlobsWebhook(dispatcher);
        return await StartAsync(app, cancellationToken);
    }

    private async Task<(WebApplication App, Uri Uri)> StartSiteAsync(int port, BlobContainerClient container, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var app = CreateBuilder(port, loggerFactory).Build();
        app.UseRouting();
        app.MapStaticSite(container);
        return await StartAsync(app, cancellationToken);
    }

    private static WebApplicationBuilder CreateBuilder(int port, ILoggerFactory loggerFactory)
    {
        // An empty builder: the host's own environment (ASPNETCORE_URLS, appsettings) must not reconfigure it.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalBytes;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        return builder;
    }

    private async Task<(WebApplication App, Uri Uri)> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new LocalHostException($"Could not listen: {ex.Message} Is another host running? Pick other ports with --port / --site-port.", ex);
        }

        resources.Push(app);
        var address = app.Urls.First();
        return (app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(background).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (resources.TryPop(out var resource))
        {
            try
            {
                await resource.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogStopFailed(ex, resource.GetType().Name);
            }
        }

        stopping.Dispose();
    }

    private sealed record StorageEndpoints(string PublicConnectionString, string InternalConnectionString, Uri PublicBlobEndpoint, bool SeesWrites);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping {Resource} failed")]
    private partial void LogStopFailed(Exception exception, string resource);
}
