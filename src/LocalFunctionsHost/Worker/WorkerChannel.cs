using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalFunctionsHost.Rpc;
using Microsoft.Extensions.Logging;
using GrpcException = Grpc.Core.RpcException;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// One worker's event stream: sends the host's requests (one writer at a time, as gRPC requires) and
/// matches the worker's replies to them by type, function id, invocation id or request id. When the
/// stream ends, everything still waiting fails with <see cref="WorkerUnavailableException"/>.
/// </summary>
internal sealed partial class WorkerChannel : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, PendingInvocation> _invocations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionLoadResponse>> _loads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WorkerStatusResponse>> _statusRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _functionNames = new(StringComparer.Ordinal);
    private TaskCompletionSource<WorkerInitResponse>? _initReply;
    private TaskCompletionSource<FunctionMetadataResponse>? _metadataReply;
    private IServerStreamWriter<StreamingMessage>? _writer;
    private Exception? _closedReason;

    public WorkerChannel(string workerId, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        WorkerId = workerId;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<WorkerChannel>();
    }

    public string WorkerId { get; }

    /// <summary>Completes when the worker has opened its stream (sent StartStream).</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes when the stream has ended, from either side.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Why the stream ended; null while it is open.</summary>
    public Exception? ClosedReason => Volatile.Read(ref _closedReason);

    /// <summary>Invocations sent and not yet answered.</summary>
    public int PendingInvocationCount => _invocations.Count;

    /// <summary>
    /// Serves the stream until the worker closes it or the host aborts the channel. Called by the gRPC
    /// service once the worker's StartStream has been matched to this channel; the call lives as long as this runs.
    /// </summary>
    public async Task RunAsync(
        IAsyncStreamReader<StreamingMessage> reader,
        IServerStreamWriter<StreamingMessage> writer,
        CancellationToken callCancelled)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, _stop.Token);
        Volatile.Write(ref _writer, writer);
        _connected.TrySetResult();
        LogConnected(WorkerId);

        Exception reason;
        try
        {
            while (await reader.MoveNext(linked.Token))
            {
                Dispatch(reader.Current);
            }

            reason = new WorkerUnavailableException("The worker closed its connection to the host.");
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            reason = ClosedReason ?? new WorkerUnavailableException("The host closed the connection to the worker.");
        }
        catch (Exception exception) when (exception is IOException or GrpcException or OperationCanceledException or InvalidOperationException)
        {
            reason = new WorkerUnavailableException($"The connection to the worker broke: {exception.Message}", exception);
        }

        Close(reason);
    }

    /// <summary>Waits until the worker connects; fails if it does not within <paramref name="timeout"/>.</summary>
    public Task WaitForConnectionAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _connected.Task.WaitAsync(timeout, cancellationToken);

    public Task<WorkerInitResponse> InitializeAsync(WorkerInitRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = NewReply<WorkerInitResponse>();
        if (Interlocked.CompareExchange(ref _initReply, reply, null) is not null)
        {
            throw new InvalidOperationException("The worker has already been asked to initialise.");
        }

        return RequestAsync(new StreamingMessage { WorkerInitRequest = request }, reply, timeout, "WorkerInitRequest", cancellationToken);
    }

    public Task<FunctionMetadataResponse> GetFunctionMetadataAsync(
        FunctionsMetadataRequest request,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = NewReply<FunctionMetadataResponse>();
        if (Interlocked.CompareExchange(ref _metadataReply, reply, null) is not null)
        {
            throw new InvalidOperationException("The worker has already been asked for its functions.");
        }

        return RequestAsync(new StreamingMessage { FunctionsMetadataRequest = request }, reply, timeout, "FunctionsMetadataRequest", cancellationToken);
    }

    public async Task<FunctionLoadResponse> LoadFunctionAsync(FunctionLoadRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.FunctionId, nameof(request));
        var reply = NewReply<FunctionLoadResponse>();
        if (!_loads.TryAdd(request.FunctionId, reply))
        {
            throw new InvalidOperationException($"Function id '{request.FunctionId}' is already being loaded.");
        }

        _functionNames[request.FunctionId] = request.Metadata?.Name ?? request.FunctionId;
        try
        {
            return await RequestAsync(
                new StreamingMessage { FunctionLoadRequest = request }, reply, timeout, $"FunctionLoadRequest for '{request.Metadata?.Name}'", cancellationToken);
        }
        finally
        {
            _loads.TryRemove(request.FunctionId, out _);
        }
    }

    /// <summary>Asks the worker whether it is responsive (WorkerStatusRequest, correlated by request id).</summary>
    public async Task<TimeSpan> PingAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var requestId = Guid.NewGuid().ToString();
        var reply = NewReply<WorkerStatusResponse>();
        _statusRequests[requestId] = reply;
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await RequestAsync(
                new StreamingMessage { RequestId = requestId, WorkerStatusRequest = new WorkerStatusRequest() }, reply, timeout, "WorkerStatusRequest", cancellationToken);
            return TimeProvider.System.GetElapsedTime(started);
        }
        finally
        {
            _statusRequests.TryRemove(requestId, out _);
        }
    }

    /// <summary>
    /// Sends an invocation and waits for its response. Fills in a missing invocation id and an empty
    /// trace context (the .NET worker dereferences it). Cancelling sends InvocationCancel to the worker
    /// and throws <see cref="OperationCanceledException"/> at once; the worker's late response is dropped.
    /// </summary>
    /// <exception cref="WorkerUnavailableException">The stream ended before the response arrived.</exception>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.InvocationId))
        {
            request.InvocationId = Guid.NewGuid().ToString();
        }

        request.TraceContext ??= new RpcTraceContext();
        var invocationId = request.InvocationId;
        var reply = NewReply<InvocationResponse>();
        var functionName = _functionNames.TryGetValue(request.FunctionId, out var name) ? name : null;
        if (!_invocations.TryAdd(invocationId, new PendingInvocation(reply, functionName)))
        {
            throw new ArgumentException($"Invocation id '{invocationId}' is already in flight.", nameof(request));
        }

        var sent = false;
        try
        {
            ThrowIfClosed();
            await WriteAsync(new StreamingMessage { InvocationRequest = request }, cancellationToken);
            sent = true;
            return await reply.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && sent)
        {
            _invocations.TryRemove(invocationId, out _);
            _ = CancelInvocationAsync(invocationId);
            throw;
        }
        finally
        {
            _invocations.TryRemove(invocationId, out _);
        }
    }

    /// <summary>Asks the worker to stop by itself within <paramref name="gracePeriod"/>; the worker sends no reply.</summary>
    public Task SendTerminateAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default) =>
        WriteAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(gracePeriod) } }, cancellationToken);

    /// <summary>
    /// Ends the stream from the host's side and fails everything waiting with <paramref name="reason"/>
    /// (e.g. because the worker process exited).
    /// </summary>
    public void Abort(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Close(reason);
    }

    public void Dispose()
    {
        // The write lock is left undisposed: a cancelled invocation may still be queueing its
        // InvocationCancel, and an undisposed SemaphoreSlim holds nothing that needs releasing.
        Close(new WorkerUnavailableException("The host closed the connection to the worker."));
        _stop.Dispose();
    }

    private static TaskCompletionSource<T> NewReply<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<T> RequestAsync<T>(
        StreamingMessage message,
        TaskCompletionSource<T> reply,
        TimeSpan timeout,
        string description,
        CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        await WriteAsync(message, cancellationToken);
        try
        {
            return await reply.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"The worker did not answer the {description} within {timeout.TotalSeconds:0.#} s.", exception);
        }
    }

    private async Task CancelInvocationAsync(string invocationId)
    {
        try
        {
            await WriteAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } }, CancellationToken.None);
            LogCancelSent(invocationId);
        }
        catch (Exception exception) when (exception is WorkerUnavailableException or ObjectDisposedException or InvalidOperationException)
        {
            // The worker is gone, and with it the invocation.
        }
    }

    private async Task WriteAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        var writer = Volatile.Read(ref _writer) ?? throw new InvalidOperationException("The worker has not connected yet.");

        // The caller's token only bounds the wait for the lock: a write once begun is finished, so a
        // cancelled caller cannot leave half a message on the stream.
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ThrowIfClosed();
            await writer.WriteAsync(message, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or GrpcException or ObjectDisposedException)
        {
            throw ClosedReason as WorkerUnavailableException
                ?? new WorkerUnavailableException($"Could not send to the worker: {exception.Message}", exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void ThrowIfClosed()
    {
        if (ClosedReason is { } reason)
        {
            throw reason as WorkerUnavailableException ?? new WorkerUnavailableException(reason.Message, reason);
        }
    }

    private void Close(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _closedReason, reason, null) is not null)
        {
            return;
        }

        LogClosed(WorkerId, reason.Message, _invocations.Count);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed concurrently; the stream is ending anyway.
        }

        // Whoever registered before the reason was set is failed here; whoever registers after sees it.
        foreach (var (_, pending) in _invocations)
        {
            pending.Reply.TrySetException(reason);
        }

        foreach (var (_, reply) in _loads)
        {
            reply.TrySetException(reason);
        }

        foreach (var (_, reply) in _statusRequests)
        {
            reply.TrySetException(reason);
        }

        Volatile.Read(ref _initReply)?.TrySetException(reason);
        Volatile.Read(ref _metadataReply)?.TrySetException(reason);
        _connected.TrySetException(reason);
        _completion.TrySetResult();
    }

    private void Dispatch(StreamingMessage message)
    {
        try
        {
            DispatchCore(message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One odd message must not end the stream for every invocation.
            LogDispatchFailed(exception, message.ContentCase);
        }
    }

    private void DispatchCore(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                var log = message.RpcLog;
                var functionName = !string.IsNullOrEmpty(log.InvocationId) && _invocations.TryGetValue(log.InvocationId, out var pending)
                    ? pending.FunctionName
                    : null;
                WorkerLogForwarder.Forward(_loggerFactory, log, functionName);
                break;

            case StreamingMessage.ContentOneofCase.InvocationResponse:
                var response = message.InvocationResponse;
                if (_invocations.TryRemove(response.InvocationId, out var invocation))
                {
                    invocation.Reply.TrySetResult(response);
                }
                else
                {
                    LogUnmatchedInvocationResponse(response.InvocationId, response.Result?.Status);
                }

                break;

            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                var load = message.FunctionLoadResponse;
                if (_loads.TryGetValue(load.FunctionId, out var loadReply))
                {
                    loadReply.TrySetResult(load);
                }
                else
                {
                    LogUnexpected(message.ContentCase);
                }

                break;

            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                Complete(_initReply, message.WorkerInitResponse, message.ContentCase);
                break;

            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                Complete(_metadataReply, message.FunctionMetadataResponse, message.ContentCase);
                break;

            case StreamingMessage.ContentOneofCase.WorkerStatusResponse:
                if (_statusRequests.TryRemove(message.RequestId, out var statusReply))
                {
                    statusReply.TrySetResult(message.WorkerStatusResponse);
                }

                break;

            case StreamingMessage.ContentOneofCase.None:
                // The .NET worker answers WorkerTerminate and InvocationCancel with an empty message.
                break;

            default:
                LogUnexpected(message.ContentCase);
                break;
        }
    }

    private void Complete<T>(TaskCompletionSource<T>? reply, T value, StreamingMessage.ContentOneofCase contentCase)
    {
        if (reply is null || !reply.TrySetResult(value))
        {
            LogUnexpected(contentCase);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} connected")]
    private partial void LogConnected(string workerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection to worker {WorkerId} closed ({Reason}); {PendingInvocations} invocation(s) in flight fail")]
    private partial void LogClosed(string workerId, string reason, int pendingInvocations);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent InvocationCancel for {InvocationId}")]
    private partial void LogCancelSent(string invocationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The worker answered invocation {InvocationId} ({Status}) after its caller stopped waiting")]
    private partial void LogUnmatchedInvocationResponse(string invocationId, StatusResult.Types.Status? status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored an unexpected {ContentCase} from the worker")]
    private partial void LogUnexpected(StreamingMessage.ContentOneofCase contentCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not handle a {ContentCase} from the worker")]
    private partial void LogDispatchFailed(Exception exception, StreamingMessage.ContentOneofCase contentCase);

    private sealed record PendingInvocation(TaskCompletionSource<InvocationResponse> Reply, string? FunctionName);
}
