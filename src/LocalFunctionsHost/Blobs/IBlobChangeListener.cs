namespace LocalFunctionsHost.Blobs;

/// <summary>
/// Receives the blob changes the <see cref="BlobEventProxy"/> sees.
/// </summary>
public interface IBlobChangeListener
{
    /// <summary>
    /// Called once for each successful blob write or delete, after storage has answered and before the writer sees that answer,
    /// so a writer that has its response knows its change was announced. The writer waits for this call: hand slow work off.
    /// An exception is logged and does not fail the write.
    /// </summary>
    ValueTask OnBlobChangedAsync(BlobChangedEvent change, CancellationToken cancellationToken = default);
}
