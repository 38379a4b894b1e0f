using Azure;
using Microsoft.AspNetCore.Http;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// Decides from a forwarded request and storage's answer whether a blob was created, replaced or deleted.
/// </summary>
/// <remarks>
/// Only operations that leave a blob's content complete count, as with Event Grid's BlobCreated: Put Blob, Put Block List,
/// Put Blob From URL and Copy Blob. Staging (Put Block, Put Page, Append Block), properties, metadata, tags, tiers, leases,
/// snapshots and container or service requests change no content worth announcing, or not yet.
/// A Blob Batch (POST comp=batch) is not looked into: its deletes pass through unannounced.
/// </remarks>
internal static class BlobChangeClassifier
{
    private const string CopySourceHeader = "x-ms-copy-source";
    private const string BlobTypeHeader = "x-ms-blob-type";
    private const string BlobContentTypeHeader = "x-ms-blob-content-type";
    private const string BlobContentLengthHeader = "x-ms-blob-content-length";
    private const string DeleteSnapshotsHeader = "x-ms-delete-snapshots";
    private const string CopyStatusHeader = "x-ms-copy-status";

    /// <summary>The change the request made, or <see langword="null"/> if it made none that counts.</summary>
    /// <param name="request">The request as the client sent it.</param>
    /// <param name="rawPath">The request's path exactly as sent, still percent-encoded.</param>
    /// <param name="statusCode">Storage's answer.</param>
    /// <param name="responseHeader">Reads one header of storage's answer.</param>
    /// <param name="pendingCopy">Set when the change is a copy storage has not finished; no event is returned for it.</param>
    public static BlobChangedEvent? Classify(
        HttpRequest request, string rawPath, int statusCode, Func<string, string?> responseHeader, out bool pendingCopy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseHeader);

        pendingCopy = false;
        var isPut = HttpMethods.IsPut(request.Method);
        if (statusCode is < 200 or > 299
            || (!isPut && !HttpMethods.IsDelete(request.Method))
            || request.Query.ContainsKey("restype")
            || BlobRequestTarget.FromRequest(request.Host.Host, rawPath) is not { } target)
        {
            return null;
        }

        var comp = request.Query["comp"].ToString();
        var headers = request.Headers;
        BlobChangeKind kind;
        BlobOperation operation;
        string? blobType = null;
        string? contentType = null;
        long? contentLength = null;
        if (isPut && comp.Length == 0 && headers.ContainsKey(CopySourceHeader))
        {
            kind = BlobChangeKind.Created;
            blobType = NonEmpty(headers[BlobTypeHeader]);
            operation = blobType is null ? BlobOperation.CopyBlob : BlobOperation.PutBlobFromUrl;
            contentType = NonEmpty(headers[BlobContentTypeHeader]);
            if (operation == BlobOperation.CopyBlob
                && string.Equals(responseHeader(CopyStatusHeader), "pending", StringComparison.OrdinalIgnoreCase))
            {
                pendingCopy = true;
                return null;
            }
        }
        else if (isPut && comp.Length == 0)
        {
            kind = BlobChangeKind.Created;
            operation = BlobOperation.PutBlob;
            blobType = NonEmpty(headers[BlobTypeHeader]);

            // Put Blob takes the request's own Content-Type as the blob's when x-ms-blob-content-type is absent.
            contentType = NonEmpty(headers[BlobContentTypeHeader]) ?? request.ContentType;
            contentLength = blobType switch
            {
                "PageBlob" => long.TryParse(headers[BlobContentLengthHeader], out var pageBlobLength) ? pageBlobLength : null,
                "AppendBlob" => 0,
                _ => request.ContentLength,
            };
        }
        else if (isPut && comp.Equals("blocklist", StringComparison.OrdinalIgnoreCase))
        {
            kind = BlobChangeKind.Created;
            operation = BlobOperation.PutBlockList;
            blobType = "BlockBlob";

            // The request's Content-Type is the block list's (XML), not the blob's.
            contentType = NonEmpty(headers[BlobContentTypeHeader]);
        }
        else if (!isPut
            && comp.Length == 0
            && !request.Query.ContainsKey("snapshot")
            && !request.Query.ContainsKey("versionid")
            && !string.Equals(headers[DeleteSnapshotsHeader], "only", StringComparison.OrdinalIgnoreCase))
        {
            kind = BlobChangeKind.Deleted;
            operation = BlobOperation.DeleteBlob;
        }
        else
        {
            return null;
        }

        var etag = kind == BlobChangeKind.Created && responseHeader("ETag") is { Length: > 0 } etagValue ? new ETag(etagValue) : (ETag?)null;
        var url = new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{rawPath}");
        return new BlobChangedEvent(
            kind, operation, target.AccountName, target.ContainerName, target.BlobName, url, etag, blobType, contentType, contentLength);
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count > 0 && !string.IsNullOrEmpty(value[0]) ? value[0] : null;
}
