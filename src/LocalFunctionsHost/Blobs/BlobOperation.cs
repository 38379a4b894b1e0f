namespace LocalFunctionsHost.Blobs;

/// <summary>
/// The Blob service REST operation that changed a blob, like the <c>api</c> field of an Event Grid blob event.
/// </summary>
public enum BlobOperation
{
    /// <summary>PUT without <c>comp</c>: a whole block blob in one request, or a new empty page or append blob.</summary>
    PutBlob = 1,

    /// <summary>PUT <c>comp=blocklist</c>: commits uploaded blocks as the blob's content.</summary>
    PutBlockList = 2,

    /// <summary>PUT with <c>x-ms-copy-source</c> and <c>x-ms-blob-type</c>: a block blob read in full from a URL.</summary>
    PutBlobFromUrl = 3,

    /// <summary>PUT with <c>x-ms-copy-source</c> alone: Copy Blob, or Copy Blob From URL with <c>x-ms-requires-sync</c>.</summary>
    CopyBlob = 4,

    /// <summary>DELETE of the blob itself, with or without its snapshots.</summary>
    DeleteBlob = 5,
}
