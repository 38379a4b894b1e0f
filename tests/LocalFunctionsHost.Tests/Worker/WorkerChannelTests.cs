using LocalFunctionsHost.Rpc;
using LocalFunctionsHost.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalFunctionsHost.Tests.Worker;

public sealed class WorkerChannelTests : IDisposable
{
    private readonly FakeWorkerStream _stream = new();
    private readonly WorkerChannel _channel = new("worker-1", NullLoggerFactory.Instance);
    private readonly Task _running;

    public WorkerChannelTests()
    {
        _running = _channel.RunAsync(_stream, _stream, CancellationToken.None);
    }

    public void Dispose() => _channel.Dispose();

    [Fact]
    public async Task Replies_reach_their_invocations_whatever_their_order_and_whatever_else_the_worker_sends()
    {
        var first = _channel.InvokeAsync(new InvocationRequest { InvocationId = "a", FunctionId = "f" });
        var second = _channel.InvokeAsync(new InvocationRequest { InvocationId = "b", FunctionId = "f" });
        await _stream.ReadFromHostAsync();
        await _stream.ReadFromHostAsync();

        _stream.SendFromWorker(Response("b", StatusResult.Types.Status.Failure));
        _stream.SendFromWorker(new StreamingMessage());
        _stream.SendFromWorker(new StreamingMessage { RpcLog = new RpcLog { InvocationId = "a", Message = "working", Category = "Function.F" } });
        _stream.SendFromWorker(Response("a", StatusResult.Types.Status.Success));

        Assert.Equal(StatusResult.Types.Status.Success, (await first.WaitAsync(TimeSpan.FromSeconds(10))).Result.Status);
        Assert.Equal(StatusResult.Types.Status.Failure, (await second.WaitAsync(TimeSpan.FromSeconds(10))).Result.Status);
    }

    [Fact]
    public async Task An_invocation_gets_an_id_and_an_empty_trace_context_when_it_has_none()
    {
        var invocation = _channel.InvokeAsync(new InvocationRequest { FunctionId = "f" });

        var sent = (await _stream.ReadFromHostAsync()).InvocationRequest;

        Assert.False(string.IsNullOrEmpty(sent.InvocationId));
        Assert.NotNull(sent.TraceContext);
        _stream.SendFromWorker(Response(sent.InvocationId, StatusResult.Types.Status.Success));
        await invocation.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Concurrent_invocations_are_written_one_at_a_time()
    {
        var invocations = Enumerable.Range(0, 40)
            .Select(index => Task.Run(() => _channel.InvokeAsync(new InvocationRequest { InvocationId = $"i{index}", FunctionId = "f" })))
            .ToList();

        for (var index = 0; index < invocations.Count; index++)
        {
            var sent = await _stream.ReadFromHostAsync();
            _stream.SendFromWorker(Response(sent.InvocationRequest.InvocationId, StatusResult.Types.Status.Success));
        }

        await Task.WhenAll(invocations).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(_stream.WritesOverlapped, "Two writes to the gRPC stream overlapped.");
    }

    [Fact]
    public async Task When_the_worker_closes_the_stream_waiting_invocations_fail_as_unavailable()
    {
        var invocation = _channel.InvokeAsync(new InvocationRequest { InvocationId = "a", FunctionId = "f" });
        await _stream.ReadFromHostAsync();

        _stream.CompleteFromWorker();

        await Assert.ThrowsAsync<WorkerUnavailableException>(() => invocation.WaitAsync(TimeSpan.FromSeconds(10)));
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<WorkerUnavailableException>(() => _channel.InvokeAsync(new InvocationRequest { FunctionId = "f" }));
    }

    [Fact]
    public async Task Cancelling_an_invocation_tells_the_worker_and_returns_at_once()
    {
        using var cancellation = new CancellationTokenSource();
        var invocation = _channel.InvokeAsync(new InvocationRequest { InvocationId = "a", FunctionId = "f" }, cancellation.Token);
        await _stream.ReadFromHostAsync();

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invocation.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("a", (await _stream.ReadFromHostAsync()).InvocationCancel.InvocationId);
    }

    [Fact]
    public async Task Each_function_load_gets_its_own_response()
    {
        var loadA = _channel.LoadFunctionAsync(new FunctionLoadRequest { FunctionId = "A", Metadata = new RpcFunctionMetadata { Name = "A" } }, TimeSpan.FromSeconds(10));
        var loadB = _channel.LoadFunctionAsync(new FunctionLoadRequest { FunctionId = "B", Metadata = new RpcFunctionMetadata { Name = "B" } }, TimeSpan.FromSeconds(10));
        await _stream.ReadFromHostAsync();
        await _stream.ReadFromHostAsync();

        _stream.SendFromWorker(new StreamingMessage { FunctionLoadResponse = new FunctionLoadResponse { FunctionId = "B", Result = new StatusResult { Status = StatusResult.Types.Status.Failure, Result = "no such method" } } });
        _stream.SendFromWorker(new StreamingMessage { FunctionLoadResponse = new FunctionLoadResponse { FunctionId = "A", Result = new StatusResult { Status = StatusResult.Types.Status.Success } } });

        Assert.Equal(StatusResult.Types.Status.Success, (await loadA).Result.Status);
        Assert.Equal("no such method", (await loadB).Result.Result);
    }

    [Fact]
    public async Task A_worker_that_does_not_answer_init_in_time_is_reported_by_a_timeout()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => _channel.InitializeAsync(new WorkerInitRequest(), TimeSpan.FromMilliseconds(200)));

        Assert.Contains("WorkerInitRequest", error.Message, StringComparison.Ordinal);
    }

    private static StreamingMessage Response(string invocationId, StatusResult.Types.Status status) => new()
    {
        InvocationResponse = new InvocationResponse { InvocationId = invocationId, Result = new StatusResult { Status = status } },
    };
}
