using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using LocalFunctionsHost.App;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// One launch of the app's worker process (<c>dotnet App.dll --functions-uri ...</c>), with the
/// environment the real host and Core Tools give it. Its output goes to the logger; disposing kills it.
/// </summary>
internal sealed partial class WorkerProcess : IDisposable
{
    // Kept to explain a start-up failure; a chatty worker must not grow the host's memory.
    private const int RecentOutputLines = 60;

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly Queue<string> _recentOutput = new();
    private readonly Lock _outputGate = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    private WorkerProcess(Process process, ILogger logger)
    {
        _process = process;
        _logger = logger;
    }

    public int Id { get; private set; }

    /// <summary>Completes with the exit code when the process exits, however it exits.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>The last lines the worker wrote to stdout/stderr, oldest first.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_outputGate)
            {
                return _recentOutput.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _recentOutput);
            }
        }
    }

    /// <summary>
    /// The environment the worker gets on top of the host's own: the app's local.settings.json
    /// <c>Values</c> (without overriding variables already set, as Core Tools does), the variables the
    /// worker needs to find the app, then <paramref name="extraEnvironment"/>, which overrides everything.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> BuildEnvironment(
        FunctionAppDirectory app,
        IReadOnlyDictionary<string, string>? extraEnvironment,
        Func<string, string?> inheritedVariable)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(inheritedVariable);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);

        foreach (var (name, value) in app.LocalSettings.Values)
        {
            if (inheritedVariable(name) is null)
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in app.LocalSettings.ConnectionStrings)
        {
            var variable = "ConnectionStrings__" + name;
            if (inheritedVariable(variable) is null)
            {
                environment[variable] = value;
            }
        }

        // The worker loads functions from FUNCTIONS_WORKER_DIRECTORY (or the application directory) and
        // the ASP.NET Core integration reads host.json from FUNCTIONS_APPLICATION_DIRECTORY only.
        environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Path;
        environment["FUNCTIONS_WORKER_DIRECTORY"] = app.Path;
        environment["FUNCTIONS_WORKER_RUNTIME"] = app.WorkerConfig.Language;
        environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";

        if (extraEnvironment is not null)
        {
            foreach (var (name, value) in extraEnvironment)
            {
                environment[name] = value;
            }
        }

        return environment;
    }

    /// <summary>The worker's command-line arguments after the worker assembly: only the <c>--functions-*</c> form 2.x reads.</summary>
    public static IReadOnlyList<string> BuildArguments(Uri hostEndpoint, string workerId, string requestId)
    {
        ArgumentNullException.ThrowIfNull(hostEndpoint);
        return
        [
            "--functions-uri", hostEndpoint.AbsoluteUri,
            "--functions-worker-id", workerId,
            "--functions-request-id", requestId,
            // Without it the worker's gRPC client gets a 0-byte limit; the real host passes int.MaxValue.
            "--functions-grpc-max-message-length", int.MaxValue.ToString(CultureInfo.InvariantCulture),
        ];
    }

    public static WorkerProcess Start(
        FunctionAppDirectory app,
        Uri hostEndpoint,
        string workerId,
        IReadOnlyDictionary<string, string>? extraEnvironment,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(app);
        var executable = app.WorkerConfig.ResolveExecutablePath(app.Path);
        var workerAssembly = app.WorkerConfig.ResolveWorkerPath(app.Path);
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = app.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };

        // A framework-dependent app runs under the dotnet muxer; a self-contained app's executable is the
        // worker itself, and an extra path argument would be parsed as a "/switch" by its configuration.
        if (string.Equals(Path.GetFileNameWithoutExtension(executable), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            startInfo.ArgumentList.Add(workerAssembly);
        }

        foreach (var argument in BuildArguments(hostEndpoint, workerId, requestId: Guid.NewGuid().ToString()))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in BuildEnvironment(app, extraEnvironment, Environment.GetEnvironmentVariable))
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, logger);
        process.OutputDataReceived += (_, line) => worker.OnOutput(line.Data, isError: false);
        process.ErrorDataReceived += (_, line) => worker.OnOutput(line.Data, isError: true);
        process.Exited += (_, _) => _ = worker.OnExitedAsync();

        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new WorkerStartupException($"Could not start the worker '{executable}' in '{app.Path}': {exception.Message}", exception);
        }

        worker.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        worker.LogStarted(process.Id, executable, workerAssembly, workerId);
        return worker;
    }

    /// <summary>Kills the process and its children, if it still runs.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        catch (Win32Exception exception)
        {
            LogKillFailed(exception, Id);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();

        // Exited is not raised once the Process is disposed, so settle it here for anyone awaiting it.
        try
        {
            if (_process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                _exited.TrySetResult(_process.ExitCode);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _exited.TrySetResult(-1);
        _process.Dispose();
    }

    private async Task OnExitedAsync()
    {
        int exitCode;
        try
        {
            // WaitForExitAsync also waits for stdout/stderr to be drained, so the last lines (often the
            // crash's own message) are kept; bounded, in case a grandchild holds the pipes open.
            using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(drained.Token);
            }
            catch (OperationCanceledException)
            {
                // Exited, but the pipes stay open; report the exit anyway.
            }

            exitCode = _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            exitCode = -1;
        }

        LogExited(Id, exitCode);
        _exited.TrySetResult(exitCode);
    }

    private void OnOutput(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            if (_recentOutput.Count == RecentOutputLines)
            {
                _recentOutput.Dequeue();
            }

            _recentOutput.Enqueue(line);
        }

        if (isError)
        {
            LogStandardError(line);
        }
        else
        {
            LogStandardOutput(line);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started worker process {ProcessId}: {Executable} {WorkerAssembly} (worker id {WorkerId})")]
    private partial void LogStarted(int processId, string executable, string workerAssembly, string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private partial void LogStandardOutput(string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Line}")]
    private partial void LogStandardError(string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {ProcessId} exited with code {ExitCode}")]
    private partial void LogExited(int processId, int exitCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not kill worker process {ProcessId}")]
    private partial void LogKillFailed(Exception exception, int processId);
}
