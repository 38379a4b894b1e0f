using System.Threading.Channels;
using Grpc.Core;
using LocalFunctionsHost.Rpc;

namespace LocalFunctionsHost.Tests.Worker;

/// <summary>
/// Both ends of a worker's event stream, in memory: the test plays the worker by queueing what it
/// "sends" and reading what the host wrote. The writer fails the test's expectations if two writes overlap,
/// which gRPC forbids.
/// </summary>
internal sealed class FakeWorkerStream : IAsyncStreamReader<StreamingMessage>, IServerStreamWriter<StreamingMessage>
{
    private readonly Channel<StreamingMessage> _fromWorker = Channel.CreateUnbounded<StreamingMessage>();
    private readonly Channel<StreamingMessage> _fromHost = Channel.CreateUnbounded<StreamingMessage>();
    private int _activeWrites;

    public StreamingMessage Current { get; private set; } = new();

    public WriteOptions? WriteOptions { get; set; }

    /// <summary>Set when two writes were ever in progress at once.</summary>
    public bool WritesOverlapped { get; private set; }

    public void SendFromWorker(StreamingMessage message) => _fromWorker.Writer.TryWrite(message);

    /// <summary>The worker closes its side of the stream.</summary>
    public void CompleteFromWorker() => _fromWorker.Writer.TryComplete();

    public async Task<StreamingMessage> ReadFromHostAsync() =>
        await _fromHost.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (await _fromWorker.Reader.WaitToReadAsync(cancellationToken) && _fromWorker.Reader.TryRead(out var message))
        {
            Current = message;
            return true;
        }

        return false;
    }

    public async Task WriteAsync(StreamingMessage message)
    {
        if (Interlocked.Increment(ref _activeWrites) > 1)
        {
            WritesOverlapped = true;
        }

        // Long enough for concurrent writers to collide if nothing serialises them.
        await Task.Delay(1);
        _fromHost.Writer.TryWrite(message);
        Interlocked.Decrement(ref _activeWrites);
    }

    public Task WriteAsync(StreamingMessage message, CancellationToken cancellationToken) => WriteAsync(message);
}
