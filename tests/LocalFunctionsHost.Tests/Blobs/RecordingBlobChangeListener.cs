using System.Collections.Concurrent;
using LocalFunctionsHost.Blobs;

namespace LocalFunctionsHost.Tests.Blobs;

/// <summary>
/// Keeps every change the proxy announces, in the order announced.
/// </summary>
internal sealed class RecordingBlobChangeListener : IBlobChangeListener
{
    private readonly ConcurrentQueue<BlobChangedEvent> _changes = new();

    public ValueTask OnBlobChangedAsync(BlobChangedEvent change, CancellationToken cancellationToken = default)
    {
        _changes.Enqueue(change);
        return ValueTask.CompletedTask;
    }

    /// <summary>The changes in one container; tests each use containers of their own, so they do not see each other's.</summary>
    public IReadOnlyList<BlobChangedEvent> In(string containerName) =>
        [.. _changes.Where(change => change.ContainerName == containerName)];
}
