using LocalFunctionsHost.App;
using LocalFunctionsHost.Rpc;
using LocalFunctionsHost.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalFunctionsHost.Tests.Worker;

/// <summary>The start-up sequence against a scripted worker, for the cases the real TestApp worker never produces.</summary>
public sealed class WorkerHandshakeTests : IDisposable
{
    private const string TwoFunctions = """
        [
          { "name": "Tick", "scriptFile": "Sample.App.dll", "entryPoint": "Sample.App.Tick.Run",
            "bindings": [ { "name": "timer", "type": "timerTrigger", "direction": "In", "schedule": "0 * * * * *" } ] },
          { "name": "Work", "scriptFile": "Sample.App.dll", "entryPoint": "Sample.App.Work.Run",
            "bindings": [ { "name": "message", "type": "queueTrigger", "direction": "In", "queueName": "q" } ] }
        ]
        """;

    private readonly FakeWorkerStream _stream = new();
    private readonly WorkerChannel _channel = new("worker-1", NullLoggerFactory.Instance);
    private readonly TemporaryAppFolder _folder = new TemporaryAppFolder()
        .With(WorkerConfig.FileName, TemporaryAppFolder.MinimalWorkerConfig)
        .With(FunctionsMetadataFile.FileName, TwoFunctions);

    public WorkerHandshakeTests()
    {
        _ = _channel.RunAsync(_stream, _stream, CancellationToken.None);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task When_the_worker_leaves_indexing_to_the_host_the_functions_metadata_file_is_loaded()
    {
        var handshake = WorkerHandshake.RunAsync(_channel, FunctionAppDirectory.Load(_folder.Path), new WorkerHostOptions(), NullLogger.Instance);

        var loads = await AnswerStartUpAsync(new FunctionMetadataResponse { UseDefaultMetadataIndexing = true, Result = Success() }, failingFunction: null);
        var result = await handshake.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IndexedByHost);
        Assert.Equal(new Uri("http://localhost:5555/"), result.HttpUri);
        Assert.Equal(["Tick", "Work"], result.Functions.Select(function => function.Name));
        Assert.Equal(["Tick", "Work"], loads.Select(load => load.Metadata.Name).Order());
        Assert.All(loads, load => Assert.Equal(load.FunctionId, load.Metadata.FunctionId));
        Assert.All(loads, load => Assert.Single(load.Metadata.RawBindings));
        Assert.Equal("timerTrigger", loads.Single(load => load.Metadata.Name == "Tick").Metadata.Bindings["timer"].Type);
    }

    [Fact]
    public async Task A_function_the_worker_cannot_load_fails_start_up_naming_it_and_quoting_the_worker()
    {
        var handshake = WorkerHandshake.RunAsync(_channel, FunctionAppDirectory.Load(_folder.Path), new WorkerHostOptions(), NullLogger.Instance);

        await AnswerStartUpAsync(new FunctionMetadataResponse { UseDefaultMetadataIndexing = true, Result = Success() }, failingFunction: "Work");
        var error = await Assert.ThrowsAsync<WorkerStartupException>(() => handshake.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("Work (Sample.App.Work.Run)", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.MissingMethodException: Method not found.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Tick", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_that_fails_to_index_fails_start_up_with_its_message()
    {
        var handshake = WorkerHandshake.RunAsync(_channel, FunctionAppDirectory.Load(_folder.Path), new WorkerHostOptions(), NullLogger.Instance);

        await AnswerInitAsync();
        await _stream.ReadFromHostAsync();
        _stream.SendFromWorker(new StreamingMessage
        {
            FunctionMetadataResponse = new FunctionMetadataResponse
            {
                Result = new StatusResult
                {
                    Status = StatusResult.Types.Status.Failure,
                    Exception = new RpcException { Type = "System.IO.FileNotFoundException", Message = "functions.metadata is missing" },
                },
            },
        });

        var error = await Assert.ThrowsAsync<WorkerStartupException>(() => handshake.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("System.IO.FileNotFoundException: functions.metadata is missing", error.Message, StringComparison.Ordinal);
    }

    private async Task<List<FunctionLoadRequest>> AnswerStartUpAsync(FunctionMetadataResponse metadata, string? failingFunction)
    {
        await AnswerInitAsync();
        Assert.NotNull((await _stream.ReadFromHostAsync()).FunctionsMetadataRequest);
        _stream.SendFromWorker(new StreamingMessage { FunctionMetadataResponse = metadata });

        var loads = new List<FunctionLoadRequest>();
        for (var index = 0; index < 2; index++)
        {
            var load = (await _stream.ReadFromHostAsync()).FunctionLoadRequest;
            loads.Add(load);
            var result = load.Metadata.Name == failingFunction
                ? new StatusResult
                {
                    Status = StatusResult.Types.Status.Failure,
                    Exception = new RpcException { Type = "System.MissingMethodException", Message = "Method not found." },
                }
                : Success();
            _stream.SendFromWorker(new StreamingMessage { FunctionLoadResponse = new FunctionLoadResponse { FunctionId = load.FunctionId, Result = result } });
        }

        return loads;
    }

    private async Task AnswerInitAsync()
    {
        var init = (await _stream.ReadFromHostAsync()).WorkerInitRequest;
        Assert.Equal(_folder.Path, init.FunctionAppDirectory);
        var response = new WorkerInitResponse { Result = Success() };
        response.Capabilities[WorkerCapabilities.HttpUri] = "http://localhost:5555/";
        _stream.SendFromWorker(new StreamingMessage { WorkerInitResponse = response });
    }

    private static StatusResult Success() => new() { Status = StatusResult.Types.Status.Success };
}
