using System.Diagnostics;
using LocalFunctionsHost.App;
using LocalFunctionsHost.Rpc;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// Runs a function app's worker for the rest of the host: starts the gRPC server and the worker
/// process, completes the start-up handshake, invokes functions, and replaces the worker when it
/// exits or crashes. Invocations in flight when the worker is lost fail with
/// <see cref="WorkerUnavailableException"/>; later ones wait for the restart.
/// </summary>
internal sealed partial class WorkerHost : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly WorkerHostOptions _options;
    private readonly WorkerChannelRegistry _registry = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();

    // Names of every function id any generation loaded, so an id from before a restart still resolves.
    private readonly Dictionary<string, string> _functionNamesById = new(StringComparer.Ordinal);
    private GrpcServer? _server;
    private FunctionAppDirectory? _app;
    private IReadOnlyDictionary<string, string>? _extraEnvironment;
    private RunningWorker? _current;
    private RunningWorker? _latest;
    private TaskCompletionSource<RunningWorker> _available = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _restarting = Task.CompletedTask;
    private int _generation;
    private bool _started;
    private bool _disposed;

    public WorkerHost(ILoggerFactory loggerFactory, WorkerHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<WorkerHost>();
        _options = options ?? new WorkerHostOptions();
    }

    /// <summary>Raised (on a thread-pool thread) when the worker is lost, before the restart begins.</summary>
    public event EventHandler<WorkerLostEventArgs>? WorkerLost;

    /// <summary>Raised (on a thread-pool thread) when a replacement worker has loaded every function.</summary>
    public event EventHandler<WorkerRestartedEventArgs>? Restarted;

    /// <summary>The app being run, once <see cref="StartAsync"/> has been called (its host.json, local settings...).</summary>
    public FunctionAppDirectory? App => _app;

    /// <summary>The functions of the latest worker (kept while a restart is under way).</summary>
    public IReadOnlyList<LoadedFunction> Functions => Latest?.Handshake.Functions ?? [];

    /// <summary>The latest worker's ASP.NET Core listener (<c>HttpUri</c> capability); null if the app has none. Changes on restart.</summary>
    public Uri? HttpUri => Latest?.Handshake.HttpUri;

    /// <summary>The latest worker's capabilities.</summary>
    public IReadOnlyDictionary<string, string> Capabilities => Latest?.Handshake.Capabilities ?? new Dictionary<string, string>();

    /// <summary>Whether a worker is up now (false while restarting).</summary>
    public bool IsAvailable
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>1 for the first worker, one more per restart.</summary>
    public int Generation => Latest?.Generation ?? 0;

    /// <summary>The current worker's process id, if one is up.</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _current?.Process.Id;
            }
        }
    }

    private RunningWorker? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>
    /// Starts the worker for <paramref name="app"/> and returns once every function is loaded.
    /// </summary>
    /// <param name="app">The built app.</param>
    /// <param name="extraEnvironment">Variables for the worker that override the app's settings and the host's environment (e.g. <c>AzureWebJobsStorage</c>).</param>
    /// <param name="cancellationToken">Abandons the start-up.</param>
    /// <exception cref="WorkerStartupException">The worker did not start, connect, initialise or load every function.</exception>
    public async Task StartAsync(
        FunctionAppDirectory app,
        IReadOnlyDictionary<string, string>? extraEnvironment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started)
        {
            throw new InvalidOperationException("The worker host has already been started.");
        }

        _started = true;
        _app = app;
        _extraEnvironment = extraEnvironment is null ? null : new Dictionary<string, string>(extraEnvironment, StringComparer.Ordinal);
        _server = await GrpcServer.StartAsync(_registry, _loggerFactory, cancellationToken);
        LogGrpcListening(_server.Endpoint);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var worker = await LaunchAsync(linked.Token);
        Promote(worker);
    }

    /// <summary>The current worker's function called <paramref name="name"/> (case-insensitive), if any.</summary>
    public LoadedFunction? FindFunction(string name) =>
        Functions.FirstOrDefault(function => string.Equals(function.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Invokes a function and returns the worker's response (which may report a failure). Waits for a
    /// restarting worker up to <see cref="WorkerHostOptions.RestartWaitTimeout"/>. A function id from
    /// an earlier worker is mapped to the same function in the current one.
    /// Fills in a missing invocation id and trace context. Cancelling sends InvocationCancel and throws
    /// <see cref="OperationCanceledException"/> without waiting for the worker.
    /// </summary>
    /// <exception cref="WorkerUnavailableException">The worker was lost mid-invocation, did not come back in time, or the host is stopping.</exception>
    /// <exception cref="ArgumentException">No loaded function has the request's function id.</exception>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var worker = await WaitForWorkerAsync(cancellationToken);
        if (worker.FindById(request.FunctionId) is null)
        {
            string? name;
            lock (_gate)
            {
                name = _functionNamesById.GetValueOrDefault(request.FunctionId);
            }

            request.FunctionId = (name is null ? null : worker.FindByName(name))?.FunctionId
                ?? throw new ArgumentException($"No function with id '{request.FunctionId}' is loaded.", nameof(request));
        }

        return await worker.Channel.InvokeAsync(request, cancellationToken);
    }

    /// <summary>Waits until a worker is up (at once if one is), within <see cref="WorkerHostOptions.RestartWaitTimeout"/>.</summary>
    /// <exception cref="WorkerUnavailableException">None came up in time, or the host is stopping.</exception>
    public async Task WaitUntilAvailableAsync(CancellationToken cancellationToken = default) => await WaitForWorkerAsync(cancellationToken);

    /// <summary>
    /// Marks the host as stopping without stopping the worker yet: a worker that exits from now on (Ctrl+C reaches
    /// the whole process group, worker included) is not restarted. <see cref="DisposeAsync"/> finishes the job.
    /// </summary>
    public void BeginStopping()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _stopping.Cancel();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        RunningWorker? worker;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            worker = _current;
            _current = null;
            _available.TrySetException(new WorkerUnavailableException("The host is stopping."));
        }

        await _stopping.CancelAsync();
        try
        {
            await _restarting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WorkerStartupException)
        {
            // Stopping interrupted a restart.
        }

        if (worker is not null)
        {
            await StopWorkerAsync(worker);
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task<RunningWorker> WaitForWorkerAsync(CancellationToken cancellationToken)
    {
        Task<RunningWorker> available;
        lock (_gate)
        {
            if (_disposed)
            {
                throw new WorkerUnavailableException("The host is stopping.");
            }

            if (!_started)
            {
                throw new InvalidOperationException("Start the worker host before invoking functions.");
            }

            available = _available.Task;
        }

        try
        {
            return await available.WaitAsync(_options.RestartWaitTimeout, cancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new WorkerUnavailableException(
                $"The function app's worker is restarting and did not come back within {_options.RestartWaitTimeout.TotalSeconds:0.#} s; see the host's log for why.", exception);
        }
    }

    private async Task<RunningWorker> LaunchAsync(CancellationToken cancellationToken)
    {
        var app = _app!;
        var generation = Interlocked.Increment(ref _generation);
        var workerId = Guid.NewGuid().ToString();
        var channel = new WorkerChannel(workerId, _loggerFactory);
        _registry.Expect(channel);
        WorkerProcess? process = null;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process = WorkerProcess.Start(app, _server!.Endpoint, workerId, _extraEnvironment, _loggerFactory.CreateLogger("Worker.Console"));

            // Whenever the process exits, its stream is dead too, even if the socket has not said so yet.
            var exitedProcess = process;
            _ = process.Exited.ContinueWith(
                exited => channel.Abort(new WorkerUnavailableException($"The worker process {exitedProcess.Id} exited with code {exited.Result}.")),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);

            var connected = channel.WaitForConnectionAsync(_options.StartStreamTimeout, cancellationToken);
            await Task.WhenAny(connected, process.Exited);
            if (!connected.IsCompletedSuccessfully && process.HasExited)
            {
                throw new WorkerStartupException(
                    $"The worker process exited with code {await process.Exited} before connecting to the host. Its last output:{Environment.NewLine}{process.RecentOutput}");
            }

            try
            {
                await connected;
            }
            catch (TimeoutException exception)
            {
                throw new WorkerStartupException(
                    $"The worker process did not connect to the host within {_options.StartStreamTimeout.TotalSeconds:0} s. Its last output:{Environment.NewLine}{process.RecentOutput}", exception);
            }

            var connectedAfter = stopwatch.Elapsed;
            var handshake = await WorkerHandshake.RunAsync(channel, app, _options, _logger, cancellationToken);
            var worker = new RunningWorker(generation, process, channel, handshake);
            LogWorkerStarted(generation, process.Id, handshake.Functions.Count, (long)connectedAfter.TotalMilliseconds, stopwatch.ElapsedMilliseconds, handshake.HttpUri);
            return worker;
        }
        catch (Exception exception)
        {
            _registry.Forget(workerId);
            channel.Dispose();
            process?.Dispose();
            if (exception is WorkerStartupException || cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var output = process is null ? string.Empty : $" Its last output:{Environment.NewLine}{process.RecentOutput}";
            throw new WorkerStartupException($"The worker failed to start: {exception.Message}{output}", exception);
        }
    }

    private void Promote(RunningWorker worker)
    {
        TaskCompletionSource<RunningWorker> available;
        lock (_gate)
        {
            if (_disposed)
            {
                worker.Dispose();
                throw new WorkerUnavailableException("The host is stopping.");
            }

            _current = worker;
            _latest = worker;
            foreach (var function in worker.Handshake.Functions)
            {
                _functionNamesById[function.FunctionId] = function.Name;
            }

            available = _available;
        }

        available.TrySetResult(worker);
        _ = MonitorAsync(worker);
    }

    private async Task MonitorAsync(RunningWorker worker)
    {
        await Task.WhenAny(worker.Process.Exited, worker.Channel.Completion);
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || !ReferenceEquals(_current, worker))
            {
                return;
            }

            _current = null;
            _available = new TaskCompletionSource<RunningWorker>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        int? exitCode = worker.Process.HasExited ? await worker.Process.Exited : null;
        var reason = exitCode is { } code
            ? $"The worker process {worker.Process.Id} exited with code {code}"
            : $"The worker process {worker.Process.Id} dropped its connection ({worker.Channel.ClosedReason?.Message})";
        LogWorkerLost(worker.Generation, reason, worker.Channel.PendingInvocationCount);

        // In-flight invocations fail now (the channel may have failed them already), and a process that
        // is still running but no longer talking is killed before its replacement starts.
        worker.Channel.Abort(new WorkerUnavailableException(reason + "; the host is restarting it."));
        worker.Dispose();
        Raise(WorkerLost, new WorkerLostEventArgs(worker.Generation, exitCode, reason));

        lock (_gate)
        {
            if (!_disposed)
            {
                _restarting = RestartAsync();
            }
        }
    }

    private async Task RestartAsync()
    {
        for (var failedAttempts = 0; !_stopping.IsCancellationRequested; failedAttempts++)
        {
            try
            {
                await Task.Delay(_options.RestartDelay(failedAttempts), _stopping.Token);
                var worker = await LaunchAsync(_stopping.Token);
                Promote(worker);
                LogWorkerRestarted(worker.Generation, failedAttempts + 1);
                Raise(Restarted, new WorkerRestartedEventArgs(worker.Generation, worker.Handshake.Functions, worker.Handshake.HttpUri));
                return;
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (WorkerStartupException exception)
            {
                LogRestartFailed(exception, failedAttempts + 1, _options.RestartDelay(failedAttempts + 1).TotalSeconds);
            }
        }
    }

    private async Task StopWorkerAsync(RunningWorker worker)
    {
        try
        {
            using var sendTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await worker.Channel.SendTerminateAsync(_options.TerminateGracePeriod, sendTimeout.Token);
            await worker.Process.Exited.WaitAsync(_options.TerminateGracePeriod);
            LogWorkerStopped(worker.Process.Id);
        }
        catch (Exception exception) when (exception is WorkerUnavailableException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            LogWorkerKilled(worker.Process.Id, _options.TerminateGracePeriod.TotalSeconds);
        }

        worker.Channel.Abort(new WorkerUnavailableException("The host is stopping."));
        worker.Dispose();
    }

    private void Raise<TEventArgs>(EventHandler<TEventArgs>? handler, TEventArgs args)
    {
        try
        {
            handler?.Invoke(this, args);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A subscriber's bug must not stop the host from restarting its worker.
            LogEventHandlerFailed(exception, typeof(TEventArgs).Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker gRPC endpoint listening on {Endpoint}")]
    private partial void LogGrpcListening(Uri endpoint);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Worker {Generation} (process {ProcessId}) loaded {FunctionCount} function(s): connected after {ConnectedMilliseconds} ms, ready after {ReadyMilliseconds} ms; HTTP at {HttpUri}")]
    private partial void LogWorkerStarted(int generation, int processId, int functionCount, long connectedMilliseconds, long readyMilliseconds, Uri? httpUri);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker {Generation} lost: {Reason}; {InFlight} invocation(s) in flight failed; restarting it")]
    private partial void LogWorkerLost(int generation, string reason, int inFlight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker restarted as generation {Generation} (attempt {Attempt})")]
    private partial void LogWorkerRestarted(int generation, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restart attempt {Attempt} failed; trying again in {DelaySeconds} s")]
    private partial void LogRestartFailed(Exception exception, int attempt, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker process {ProcessId} stopped after WorkerTerminate")]
    private partial void LogWorkerStopped(int processId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker process {ProcessId} did not stop within {GraceSeconds} s of WorkerTerminate; killing it")]
    private partial void LogWorkerKilled(int processId, double graceSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {EventArgs} handler threw")]
    private partial void LogEventHandlerFailed(Exception exception, string eventArgs);
}
