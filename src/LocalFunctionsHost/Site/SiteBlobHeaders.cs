using Azure;
using Azure.Storage.Blobs.Models;

namespace LocalFunctionsHost.Site;

/// <summary>
/// The blob properties a static website returns as response headers, whether read by a properties request or a download.
/// </summary>
internal sealed record SiteBlobHeaders(
    string? ContentType,
    string? ContentEncoding,
    string? ContentLanguage,
    string? ContentDisposition,
    string? CacheControl,
    ETag ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    byte[]? ContentHash)
{
    public static SiteBlobHeaders From(BlobProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new(
            properties.ContentType,
            properties.ContentEncoding,
            properties.ContentLanguage,
            properties.ContentDisposition,
            properties.CacheControl,
            properties.ETag,
            properties.LastModified,
            properties.ContentLength,
            properties.ContentHash);
    }

    public static SiteBlobHeaders From(BlobDownloadDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new(
            details.ContentType,
            details.ContentEncoding,
            details.ContentLanguage,
            details.ContentDisposition,
            details.CacheControl,
            details.ETag,
            details.LastModified,
            details.ContentLength,
            details.ContentHash);
    }
}
