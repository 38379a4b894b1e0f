using ContentPipeline.Core;
using LocalFunctionsHost.Hosting;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Benchmarks.Hosting;

/// <summary>
/// The real local host in this process, started as <c>dotnet run --project src/LocalFunctionsHost -- --app &lt;output&gt;
/// --no-build</c> would start it, with every port 0 so it never collides with a host already running, and
/// Azurite in memory. The benchmarks reach it as any client would: HTTP to the API, the Azure SDK to storage.
/// </summary>
internal sealed class InProcessLocalHost : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly LocalHost host;

    private InProcessLocalHost(LocalHost host) => this.host = host;

    /// <summary>The API origin; routes are under <c>api/</c>.</summary>
    public Uri ApiUri => host.ApiUri;

    /// <summary>The static site's origin (the <c>$web</c> container).</summary>
    public Uri SiteUri => host.SiteUri;

    /// <summary>The connection string the worker got (blobs through the host's event proxy, tables straight to Azurite).</summary>
    public string StorageConnectionString => host.StorageConnectionString;

    /// <summary>The function app's worker process (a child <c>dotnet</c> process), if one is up.</summary>
    public int? WorkerProcessId => host.Worker.ProcessId;

    /// <summary>
    /// An app setting as the worker sees it: the host's environment wins over the app's <c>local.settings.json</c>,
    /// as when the host starts the worker. Null when neither sets it.
    /// </summary>
    public string? AppSetting(string name) =>
        Environment.GetEnvironmentVariable(name) ?? host.App.LocalSettings.Values.GetValueOrDefault(name);

    /// <summary>A <see cref="ContentPipelineOptions"/> setting (<c>ContentPipeline__{option}</c>) as the worker sees it, or null.</summary>
    public string? ContentPipelineSetting(string option) => AppSetting($"{ContentPipelineOptions.SectionName}__{option}");

    /// <summary>Starts the host on the built app in <paramref name="appOutput"/>, with <paramref name="repositoryRoot"/> as its working directory.</summary>
    public static async Task<InProcessLocalHost> StartAsync(string appOutput, string repositoryRoot, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        string[] arguments =
        [
            "--app", appOutput, "--no-build",
            "--port", "0", "--site-port", "0", "--blob-port", "0", "--queue-port", "0", "--table-port", "0",
        ];

        // No environment: FUNCTIONS_HOST_* variables of whoever runs the benchmark must not move the ports.
        var (options, error) = LocalHostOptions.Parse(arguments, _ => null);
        if (options is null)
        {
            throw new InvalidOperationException($"The host refused the benchmark's arguments: {error}");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        return new InProcessLocalHost(await LocalHost.StartAsync(options, repositoryRoot, loggerFactory, timeout.Token));
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
