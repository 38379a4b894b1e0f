namespace LocalFunctionsHost.Blobs;

/// <summary>
/// What happened to a blob, in the words of Azure Event Grid's Microsoft.Storage.BlobCreated and BlobDeleted.
/// </summary>
public enum BlobChangeKind
{
    /// <summary>The blob was created or replaced in full.</summary>
    Created = 1,

    /// <summary>The blob (not just a snapshot or version of it) was deleted.</summary>
    Deleted = 2,
}
