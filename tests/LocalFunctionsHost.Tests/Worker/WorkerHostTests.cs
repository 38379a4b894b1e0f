using System.Diagnostics;
using LocalFunctionsHost.Rpc;
using LocalFunctionsHost.Worker;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.Worker;

/// <summary>
/// Runs the real TestApp worker (Functions worker 2.x) under <see cref="WorkerHost"/>: start-up
/// handshake, invocations over gRPC, and recovery when the worker process dies. HTTP invocations need
/// the proxy and are tested with it; here an HTTP invocation is only used as one that stays in flight.
/// </summary>
public sealed class WorkerHostTests(ITestOutputHelper output) : IDisposable
{
    private static readonly WorkerHostOptions FastRestarts = new()
    {
        RestartDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)],
    };

    private readonly ILoggerFactory _loggerFactory = TestOutputLoggerProvider.CreateFactory(output);

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public async Task Start_up_loads_every_function_with_its_trigger_and_reports_the_http_listener()
    {
        var stopwatch = Stopwatch.StartNew();
        await using var host = await StartAsync();
        output.WriteLine($"Worker start to all functions loaded: {stopwatch.ElapsedMilliseconds} ms");

        Assert.True(host.IsAvailable);
        Assert.Equal(1, host.Generation);
        Assert.NotNull(host.HttpUri);
        Assert.True(host.HttpUri.IsLoopback, $"HttpUri {host.HttpUri} should be a loopback address.");
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["BlobCopy"] = "blobTrigger",
                ["BlobText"] = "blobTrigger",
                ["Echo"] = "httpTrigger",
                ["QueueEcho"] = "queueTrigger",
                ["Slow"] = "httpTrigger",
                ["Throws"] = "httpTrigger",
                ["Ticker"] = "timerTrigger",
            },
            host.Functions.OrderBy(function => function.Name, StringComparer.Ordinal).ToDictionary(function => function.Name, function => function.TriggerType!));
        Assert.All(host.Functions, function => Assert.False(string.IsNullOrEmpty(function.FunctionId)));
    }

    [Fact]
    public async Task The_raw_bindings_carry_each_triggers_settings()
    {
        await using var host = await StartAsync();

        var echo = host.FindFunction("echo")!.TriggerBinding!;
        var blobCopy = host.FindFunction("BlobCopy")!.TriggerBinding!;
        var ticker = host.FindFunction("Ticker")!.TriggerBinding!;
        var queue = host.FindFunction("QueueEcho")!.TriggerBinding!;

        Assert.Equal("echo/{id:int}", echo.GetString("route"));
        Assert.Equal(["get", "post"], echo.GetStrings("methods"));
        Assert.Equal("Anonymous", echo.GetString("authLevel"));
        Assert.Equal("incoming/{stem}.{ext}", blobCopy.GetString("path"));
        Assert.Equal("EventGrid", blobCopy.GetString("source"));
        Assert.Equal("AzureWebJobsStorage", blobCopy.GetString("connection"));
        Assert.Equal("0 */5 * * * *", ticker.GetString("schedule"));
        Assert.Equal("work-items", queue.GetString("queueName"));
    }

    [Fact]
    public async Task A_timer_function_invoked_with_timer_info_succeeds()
    {
        await using var host = await StartAsync();

        var response = await host.InvokeAsync(TickerInvocation(host));

        Assert.Equal(StatusResult.Types.Status.Success, response.Result.Status);
    }

    [Fact]
    public async Task A_function_that_throws_answers_failure_with_the_user_exception()
    {
        await using var host = await StartAsync();
        var queueEcho = host.FindFunction("QueueEcho")!;
        var request = new InvocationRequest { FunctionId = queueEcho.FunctionId };
        request.InputData.Add(new ParameterBinding { Name = queueEcho.TriggerBinding!.Name, Data = new TypedData { String = "poison" } });

        var response = await host.InvokeAsync(request);

        Assert.Equal(StatusResult.Types.Status.Failure, response.Result.Status);
        Assert.Equal(request.InvocationId, response.InvocationId);
        Assert.True(response.Result.Exception.IsUserException);
        Assert.Equal("System.InvalidOperationException", response.Result.Exception.Type);
        Assert.Equal("The poison message always fails.", response.Result.Exception.Message);
    }

    [Fact]
    public async Task A_killed_worker_fails_in_flight_invocations_and_is_restarted_for_later_ones()
    {
        await using var host = await StartAsync();
        var firstProcessId = host.ProcessId!.Value;
        var idsBefore = host.Functions.ToDictionary(function => function.Name, function => function.FunctionId);
        var restarted = new TaskCompletionSource<WorkerRestartedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Restarted += (_, args) => restarted.TrySetResult(args);

        // Without the proxy an HTTP invocation waits for a request that never comes: it stays in flight.
        var inFlight = host.InvokeAsync(HttpInvocation(host, "Slow"));
        await Task.Delay(300);
        Assert.False(inFlight.IsCompleted);

        var killedAt = Stopwatch.StartNew();
        using (var process = Process.GetProcessById(firstProcessId))
        {
            process.Kill(entireProcessTree: true);
        }

        await Assert.ThrowsAsync<WorkerUnavailableException>(() => inFlight.WaitAsync(TimeSpan.FromSeconds(10)));
        var afterRestart = await host.InvokeAsync(TickerInvocation(host)).WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"Kill to next successful invocation: {killedAt.ElapsedMilliseconds} ms");

        Assert.Equal(StatusResult.Types.Status.Success, afterRestart.Result.Status);
        var restart = await restarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, restart.Generation);
        Assert.Equal(2, host.Generation);
        Assert.NotEqual(firstProcessId, host.ProcessId);
        Assert.True(HasExited(firstProcessId));
        // The worker's source-generated index hashes name, assembly and entry point: ids survive restarts.
        Assert.Equal(idsBefore, restart.Functions.ToDictionary(function => function.Name, function => function.FunctionId));
        Assert.NotNull(restart.HttpUri);
    }

    [Fact]
    public async Task A_cancelled_invocation_returns_at_once_and_leaves_the_worker_usable()
    {
        await using var host = await StartAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.InvokeAsync(HttpInvocation(host, "Slow"), cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Cancelling took {stopwatch.ElapsedMilliseconds} ms.");
        var next = await host.InvokeAsync(TickerInvocation(host));
        Assert.Equal(StatusResult.Types.Status.Success, next.Result.Status);
        Assert.Equal(1, host.Generation);
    }

    [Fact]
    public async Task An_invocation_for_an_unknown_function_id_is_refused()
    {
        await using var host = await StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => host.InvokeAsync(new InvocationRequest { FunctionId = "no-such-function" }));
    }

    [Fact]
    public async Task Stopping_the_host_stops_the_worker_and_later_invocations_fail_as_unavailable()
    {
        var host = await StartAsync();
        var invocation = TickerInvocation(host);
        var processId = host.ProcessId!.Value;

        await host.DisposeAsync();

        Assert.True(HasExited(processId), $"The worker process {processId} still runs after the host stopped.");
        Assert.False(host.IsAvailable);
        await Assert.ThrowsAsync<WorkerUnavailableException>(() => host.InvokeAsync(invocation));
    }

    private async Task<WorkerHost> StartAsync()
    {
        var host = new WorkerHost(_loggerFactory, FastRestarts);
        try
        {
            await host.StartAsync(TestAppOutput.Load()).WaitAsync(TimeSpan.FromSeconds(90));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static InvocationRequest TickerInvocation(WorkerHost host)
    {
        var ticker = host.FindFunction("Ticker")!;
        var request = new InvocationRequest { FunctionId = ticker.FunctionId };
        request.InputData.Add(new ParameterBinding
        {
            // The worker binds input_data by the trigger parameter's name.
            Name = ticker.TriggerBinding!.Name,
            Data = new TypedData { Json = """{"ScheduleStatus":null,"IsPastDue":false}""" },
        });
        return request;
    }

    private static InvocationRequest HttpInvocation(WorkerHost host, string functionName)
    {
        var function = host.FindFunction(functionName)!;
        var request = new InvocationRequest { FunctionId = function.FunctionId };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerBinding!.Name, Data = new TypedData { Http = new RpcHttp() } });
        return request;
    }

    private static bool HasExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
