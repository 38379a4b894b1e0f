using Grpc.Core;
using LocalFunctionsHost.Rpc;
using Microsoft.Extensions.Logging;
using GrpcException = Grpc.Core.RpcException;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// The gRPC endpoint workers dial: reads the worker's <c>StartStream</c>, finds the launch it belongs to
/// and hands the stream to that launch's <see cref="WorkerChannel"/> for as long as the stream lives.
/// </summary>
internal sealed partial class FunctionRpcService(WorkerChannelRegistry registry, ILogger<FunctionRpcService> logger)
    : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        bool hasFirst;
        try
        {
            hasFirst = await requestStream.MoveNext(context.CancellationToken);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            return;
        }

        if (!hasFirst)
        {
            return;
        }

        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            LogNoStartStream(first.ContentCase);
            throw new GrpcException(new Status(StatusCode.InvalidArgument, "The first message on the stream must be StartStream."));
        }

        var workerId = first.StartStream.WorkerId;
        if (!registry.TryClaim(workerId, out var channel) || channel is null)
        {
            LogUnknownWorker(workerId);
            throw new GrpcException(new Status(StatusCode.PermissionDenied, $"No worker with id '{workerId}' was launched by this host, or it is already connected."));
        }

        await channel.RunAsync(requestStream, responseStream, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A worker opened a stream with {ContentCase} instead of StartStream; refused")]
    private partial void LogNoStartStream(StreamingMessage.ContentOneofCase contentCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A worker connected with unknown or reused worker id {WorkerId}; refused")]
    private partial void LogUnknownWorker(string workerId);
}
