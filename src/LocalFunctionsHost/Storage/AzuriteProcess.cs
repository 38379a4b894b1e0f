using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalFunctionsHost.Storage;

/// <summary>
/// A running Azurite (blob, queue and table) on 127.0.0.1, in memory or persisting to a folder,
/// installed from the nearest package.json that asks for it when node_modules lacks it.
/// </summary>
/// <remarks>
/// Disposing stops it gracefully, so a persisting Azurite saves its data, and kills it if it does not stop in time.
/// It also stops when the process that started it dies, even killed outright with no chance to dispose.
/// </remarks>
public sealed partial class AzuriteProcess : IAsyncDisposable, IDisposable
{
    // node runs Azurite through this so that Azurite stops when its stdin closes: when this process disposes it,
    // or dies in any way, since the OS closes the pipe either way. Azurite's own SIGTERM handler closes the services
    // and saves the data; SIGTERM is emitted in-process because Windows has no signal to send. Before Azurite has
    // registered that handler there is nothing to save. The timer bounds a close that hangs.
    // Azurite parses process.argv, so the entry script is put back where a direct launch has it.
    private const string LauncherScript =
        """
        const entry = process.argv[1];
        process.argv = [process.argv[0], entry, ...process.argv.slice(2)];
        let stopping = false;
        const stop = () => {
          if (stopping) { return; }
          stopping = true;
          if (process.listenerCount("SIGTERM") === 0) { process.exit(0); }
          process.emit("SIGTERM");
          setTimeout(() => process.exit(0), 10000).unref();
        };
        process.stdin.on("end", stop);
        process.stdin.on("error", stop);
        process.stdin.resume();
        require(entry);
        """;

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _shutdownTimeout;
    private readonly ILogger _logger;
    private Process? _process;

    private AzuriteProcess(
        Process process, AzuriteListeningPorts ports, string? location, TimeSpan startupDuration, TimeSpan shutdownTimeout, ILogger logger)
    {
        _process = process;
        _shutdownTimeout = shutdownTimeout;
        _logger = logger;
        ProcessId = process.Id;
        BlobPort = ports.Blob;
        QueuePort = ports.Queue;
        TablePort = ports.Table;
        Location = location;
        StartupDuration = startupDuration;
        process.EnableRaisingEvents = true;
        process.Exited += OnExited;
    }

    public int ProcessId { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The account's blob endpoint, e.g. http://127.0.0.1:45509/devstoreaccount1.</summary>
    public Uri BlobEndpoint => DevelopmentStorageAccount.AccountEndpoint(BlobPort);

    public Uri QueueEndpoint => DevelopmentStorageAccount.AccountEndpoint(QueuePort);

    public Uri TableEndpoint => DevelopmentStorageAccount.AccountEndpoint(TablePort);

    /// <summary>A connection string for <see cref="DevelopmentStorageAccount"/> with this Azurite's three endpoints spelled out.</summary>
    public string ConnectionString => DevelopmentStorageAccount.ConnectionString(BlobEndpoint, QueueEndpoint, TableEndpoint);

    /// <summary>The full path of the folder Azurite keeps its data in, or <see langword="null"/> when it keeps it in memory.</summary>
    public string? Location { get; }

    /// <summary>How long Azurite took from process start until all three services answered HTTP (install time excluded).</summary>
    public TimeSpan StartupDuration { get; }

    /// <summary>Installs Azurite if need be, starts it, and returns once blob, queue and table all answer HTTP.</summary>
    /// <exception cref="InvalidOperationException">Azurite could not be found, installed or started; the message holds its output.</exception>
    /// <exception cref="TimeoutException">Installing took longer than <see cref="AzuriteOptions.InstallTimeout"/>.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidatePort(options.BlobPort, nameof(options.BlobPort));
        ValidatePort(options.QueuePort, nameof(options.QueuePort));
        ValidatePort(options.TablePort, nameof(options.TablePort));
        logger ??= NullLogger.Instance;

        var entryScript = await InstallAsync(options, logger, cancellationToken);
        var location = options.Location is null ? null : Path.GetFullPath(options.Location);
        if (location is not null)
        {
            Directory.CreateDirectory(location);
        }

        var ports = new AzuriteListeningPorts();
        var output = new ProcessOutputLog(
            line =>
            {
                ports.Observe(line);
                LogOutput(logger, line);
            },
            line => LogErrorOutput(logger, line));
        var stopwatch = Stopwatch.StartNew();
        var process = output.Start(CreateStartInfo(entryScript, options, location), "node");
        try
        {
            using var startupTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startupTimeout.CancelAfter(options.StartupTimeout);
            await WaitUntilListeningAsync(process, ports, startupTimeout.Token);
            await WaitUntilAnsweringAsync(ports, startupTimeout.Token);
        }
        catch (Exception exception)
        {
            var exitState = process.HasExited ? $"exited with code {process.ExitCode}" : "still running; killed";
            await KillAsync(process);
            process.Dispose();
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new InvalidOperationException(
                $"Azurite did not answer on all three services within {options.StartupTimeout.TotalSeconds:0} s ({exitState}). Its output:{Environment.NewLine}{output}",
                exception);
        }

        var azurite = new AzuriteProcess(process, ports, location, stopwatch.Elapsed, options.ShutdownTimeout, logger);
        LogStarted(logger, azurite.BlobPort, azurite.QueuePort, azurite.TablePort, location ?? "memory", stopwatch.Elapsed.TotalMilliseconds);
        return azurite;
    }

    /// <summary>Completes when the Azurite process has exited, whether stopped by <see cref="DisposeAsync"/> or not.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _process) is { } process)
        {
            await process.WaitForExitAsync(cancellationToken);
        }
    }

    /// <summary>Stops Azurite: asks it to close (saving its data), and kills its process tree if it has not exited in time.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _process, null) is not { } process)
        {
            return;
        }

        process.Exited -= OnExited;
        AskToStop(process);
        using (var shutdownTimeout = new CancellationTokenSource(_shutdownTimeout))
        {
            try
            {
                await process.WaitForExitAsync(shutdownTimeout.Token);
            }
            catch (OperationCanceledException)
            {
                LogShutdownTimedOut(_logger, _shutdownTimeout.TotalSeconds);
                await KillAsync(process);
            }
        }

        LogStopped(_logger, ProcessId);
        process.Dispose();
    }

    // The blocking twin of DisposeAsync, for callers (such as xunit fixtures) that dispose synchronously.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _process, null) is not { } process)
        {
            return;
        }

        process.Exited -= OnExited;
        AskToStop(process);
        if (!process.WaitForExit(_shutdownTimeout))
        {
            LogShutdownTimedOut(_logger, _shutdownTimeout.TotalSeconds);
            KillTree(process);
            process.WaitForExit(KillTimeout);
        }

        LogStopped(_logger, ProcessId);
        process.Dispose();
    }

    private static async Task<string> InstallAsync(AzuriteOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        using var installTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        installTimeout.CancelAfter(options.InstallTimeout);
        try
        {
            return await AzuriteInstallation.EnsureInstalledAsync(options.SearchDirectory, options.InstallIfMissing, logger, installTimeout.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Installing Azurite took longer than {options.InstallTimeout.TotalSeconds:0} s. {exception.Message}", exception);
        }
    }

    private static ProcessStartInfo CreateStartInfo(string entryScript, AzuriteOptions options, string? location)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            // Azurite writes nothing to its working folder in memory, and into --location otherwise.
            WorkingDirectory = location ?? Path.GetTempPath(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        List<string> arguments = ["-e", LauncherScript, entryScript, "--disableTelemetry", "--skipApiVersionCheck", "--loose"];
        if (location is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            arguments.AddRange(["--location", location]);
        }

        if (!options.AccessLog)
        {
            arguments.Add("--silent");
        }

        arguments.AddRange(
        [
            "--blobHost", DevelopmentStorageAccount.Host, "--blobPort", Invariant(options.BlobPort),
            "--queueHost", DevelopmentStorageAccount.Host, "--queuePort", Invariant(options.QueuePort),
            "--tableHost", DevelopmentStorageAccount.Host, "--tablePort", Invariant(options.TablePort),
        ]);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static async Task WaitUntilListeningAsync(Process azurite, AzuriteListeningPorts ports, CancellationToken cancellationToken)
    {
        var exited = azurite.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(ports.AllListening, exited);
        if (first == exited)
        {
            await exited;
            throw new InvalidOperationException("Azurite exited before all its services listened.");
        }
    }

    // "Listening" is Azurite's own word; an answered request shows each service really serves.
    private static async Task WaitUntilAnsweringAsync(AzuriteListeningPorts ports, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var port in new[] { ports.Blob, ports.Queue, ports.Table })
        {
            var endpoint = DevelopmentStorageAccount.AccountEndpoint(port);
            while (true)
            {
                try
                {
                    // Any HTTP status will do: unauthenticated requests are refused, but by a live service.
                    using var response = await http.GetAsync(endpoint, cancellationToken);
                    break;
                }
                catch (Exception exception) when (exception is HttpRequestException
                    || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    await Task.Delay(ProbeInterval, cancellationToken);
                }
            }
        }
    }

    private static void AskToStop(Process process)
    {
        try
        {
            // The launcher script takes the end of stdin as the request to stop.
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The pipe is already broken: the process is gone or going.
        }
    }

    private static async Task KillAsync(Process process)
    {
        KillTree(process);
        using var killTimeout = new CancellationTokenSource(KillTimeout);
        try
        {
            await process.WaitForExitAsync(killTimeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed with SIGKILL; if it is somehow still there, nothing more can be done from here.
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    private void OnExited(object? sender, EventArgs e)
    {
        if (sender is Process { HasExited: true } process)
        {
            LogExitedUnexpectedly(_logger, process.ExitCode);
        }
    }

    private static void ValidatePort(int port, string name)
    {
        if (port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(name, port, "A port is 0 (any free port) to 65535.");
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Azurite: {Line}")]
    private static partial void LogOutput(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azurite (stderr): {Line}")]
    private static partial void LogErrorOutput(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite answers on blob {BlobPort}, queue {QueuePort}, table {TablePort}, keeping data in {Location}; started in {Milliseconds:0} ms")]
    private static partial void LogStarted(ILogger logger, int blobPort, int queuePort, int tablePort, string location, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azurite did not stop within {Seconds:0} s of being asked; killing it")]
    private static partial void LogShutdownTimedOut(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite (process {ProcessId}) stopped")]
    private static partial void LogStopped(ILogger logger, int processId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Azurite exited on its own with code {ExitCode}; storage is gone until the host restarts")]
    private static partial void LogExitedUnexpectedly(ILogger logger, int exitCode);
}
