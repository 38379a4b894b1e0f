using LocalFunctionsHost.Blobs;

namespace LocalFunctionsHost.Hosting;

/// <summary>
/// Lets the blob proxy start before the dispatcher exists (the worker needs the proxy's address, the dispatcher
/// needs the worker). Changes seen before then are dropped; the start-up scan finds those blobs.
/// </summary>
internal sealed class BlobChangeRelay : IBlobChangeListener
{
    private volatile IBlobChangeListener? target;

    public void Attach(IBlobChangeListener listener) => target = listener;

    public ValueTask OnBlobChangedAsync(BlobChangedEvent change, CancellationToken cancellationToken = default) =>
        target?.OnBlobChangedAsync(change, cancellationToken) ?? ValueTask.CompletedTask;
}
