using System.Collections.Concurrent;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// The worker launches the gRPC server is waiting for, by the worker id each was started with.
/// A stream is accepted only from a worker the host launched, and only once, like the real host.
/// </summary>
internal sealed class WorkerChannelRegistry
{
    private readonly ConcurrentDictionary<string, WorkerChannel> _expected = new(StringComparer.Ordinal);

    public void Expect(WorkerChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!_expected.TryAdd(channel.WorkerId, channel))
        {
            throw new InvalidOperationException($"A worker with id '{channel.WorkerId}' is already expected.");
        }
    }

    /// <summary>Stops expecting a launch that failed or ended before connecting.</summary>
    public void Forget(string workerId) => _expected.TryRemove(workerId, out _);

    /// <summary>Takes the channel for a connecting worker; false for an unknown or already-connected id.</summary>
    public bool TryClaim(string workerId, out WorkerChannel? channel) => _expected.TryRemove(workerId, out channel);
}
