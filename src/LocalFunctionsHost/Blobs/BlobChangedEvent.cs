using Azure;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// One successful change to a blob, seen as it passed through the <see cref="BlobEventProxy"/>.
/// </summary>
/// <param name="Kind">Created (or replaced) or deleted.</param>
/// <param name="Operation">The REST operation that made the change.</param>
/// <param name="AccountName">The storage account, e.g. devstoreaccount1.</param>
/// <param name="ContainerName">The container the blob is in.</param>
/// <param name="BlobName">The blob's name within the container, decoded, e.g. "articles/a b.md".</param>
/// <param name="Url">The blob's URL as the writer addressed it (through the proxy), without query.</param>
/// <param name="ETag">The blob's new ETag as the service returned it; <see langword="null"/> for a delete.</param>
/// <param name="BlobType">BlockBlob, PageBlob or AppendBlob when the request said so; <see langword="null"/> when it did not (copies, deletes).</param>
/// <param name="ContentType">The content type the write declared for the blob; <see langword="null"/> when it declared none.</param>
/// <param name="ContentLength">The blob's length when the request shows it (Put Blob); <see langword="null"/> otherwise.</param>
public sealed record BlobChangedEvent(
    BlobChangeKind Kind,
    BlobOperation Operation,
    string AccountName,
    string ContainerName,
    string BlobName,
    Uri Url,
    ETag? ETag,
    string? BlobType,
    string? ContentType,
    long? ContentLength);
