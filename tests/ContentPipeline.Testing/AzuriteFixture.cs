using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace ContentPipeline.Testing;

/// <summary>
/// A real Azurite (blob, queue and table, in memory) for one test collection: installed from the
/// repository's package-lock.json if node_modules lacks it, started on ports the OS picks, and killed on dispose.
/// </summary>
/// <remarks>Use it as a collection fixture; see <see cref="AzuriteCollection"/>.</remarks>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The development storage key every Azurite accepts; it is public and guards nothing.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string Host = "127.0.0.1";

    // A cold npm ci of Azurite takes about half a minute here; slow CI disks get room to spare.
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    // node runs Azurite through this so that Azurite exits when its stdin closes, which is when the
    // test host dies, even killed outright and with no chance to dispose this fixture.
    // Azurite parses process.argv, so the entry script is put back where a direct launch has it.
    private const string LauncherScript =
        """
        const entry = process.argv[1];
        process.argv = [process.argv[0], entry, ...process.argv.slice(2)];
        process.stdin.on("end", () => process.exit(0));
        process.stdin.on("error", () => process.exit(0));
        process.stdin.resume();
        require(entry);
        """;

    private readonly AzuriteListeningPorts _ports = new();
    private Process? _azurite;
    private bool _started;

    public int BlobPort => Started(_ports.Blob);

    public int QueuePort => Started(_ports.Queue);

    public int TablePort => Started(_ports.Table);

    /// <summary>The account's blob endpoint, e.g. http://127.0.0.1:45509/devstoreaccount1.</summary>
    public Uri BlobEndpoint => AccountEndpoint(BlobPort);

    public Uri QueueEndpoint => AccountEndpoint(QueuePort);

    public Uri TableEndpoint => AccountEndpoint(TablePort);

    /// <summary>
    /// A complete connection string with every endpoint spelled out, because "UseDevelopmentStorage=true"
    /// means the fixed default ports, which this Azurite does not use.
    /// </summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>How long Azurite took from process start until all three services answered HTTP (install time excluded).</summary>
    public TimeSpan StartupDuration { get; private set; }

    public async Task InitializeAsync()
    {
        var repositoryRoot = RepositoryRoot.Locate();
        string entryScript;
        using (var installTimeout = new CancellationTokenSource(InstallTimeout))
        {
            entryScript = await AzuriteInstallation.EnsureInstalledAsync(repositoryRoot, installTimeout.Token).ConfigureAwait(false);
        }

        var output = new ProcessOutputLog(_ports.Observe);
        var stopwatch = Stopwatch.StartNew();
        _azurite = output.Start(CreateStartInfo(repositoryRoot, entryScript), "node");
        try
        {
            using var startupTimeout = new CancellationTokenSource(StartupTimeout);
            await WaitUntilListeningAsync(_azurite, startupTimeout.Token).ConfigureAwait(false);
            await WaitUntilAnsweringAsync(startupTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var exitState = _azurite.HasExited ? $"exited with code {_azurite.ExitCode}" : "still running; killed";
            await StopAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"Azurite did not answer on all three services within {StartupTimeout.TotalSeconds:0} s ({exitState}). Its output:{Environment.NewLine}{output}",
                exception);
        }

        StartupDuration = stopwatch.Elapsed;
        _started = true;
    }

    public Task DisposeAsync() => StopAsync();

    // xunit calls both DisposeAsync and Dispose on a fixture; the second call finds nothing left to stop.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _azurite, null) is { } azurite)
        {
            Kill(azurite);
            azurite.WaitForExit(ExitTimeout);
            azurite.Dispose();
        }
    }

    private static ProcessStartInfo CreateStartInfo(string repositoryRoot, string entryScript)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "-e", LauncherScript, entryScript,
            "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent",
            "--blobHost", Host, "--blobPort", "0",
            "--queueHost", Host, "--queuePort", "0",
            "--tableHost", Host, "--tablePort", "0",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private async Task WaitUntilListeningAsync(Process azurite, CancellationToken cancellationToken)
    {
        var exited = azurite.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(_ports.AllListening, exited).ConfigureAwait(false);
        if (first == exited)
        {
            await exited.ConfigureAwait(false);
            throw new InvalidOperationException("Azurite exited before all its services listened.");
        }
    }

    // "Listening" is Azurite's own word; an answered request shows each service really serves.
    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var endpoint in new[] { AccountEndpoint(_ports.Blob), AccountEndpoint(_ports.Queue), AccountEndpoint(_ports.Table) })
        {
            while (true)
            {
                try
                {
                    // Any HTTP status will do: unauthenticated requests are refused, but by a live service.
                    using var response = await http.GetAsync(endpoint, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception exception) when (exception is HttpRequestException
                    || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    await Task.Delay(ProbeInterval, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _azurite, null) is not { } azurite)
        {
            return;
        }

        Kill(azurite);
        using (var exitTimeout = new CancellationTokenSource(ExitTimeout))
        {
            try
            {
                await azurite.WaitForExitAsync(exitTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Killed with SIGKILL; if it is somehow still there, nothing more can be done from here.
            }
        }

        azurite.Dispose();
    }

    private static void Kill(Process azurite)
    {
        try
        {
            azurite.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    private static Uri AccountEndpoint(int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{port}/{AccountName}"));

    private int Started(int port) =>
        _started ? port : throw new InvalidOperationException("Azurite is not running: the fixture was not initialized, or failed to start.");
}
