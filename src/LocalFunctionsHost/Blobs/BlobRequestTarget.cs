using System.Net;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// The account, container and blob a Blob service request addresses, read the way Azurite reads them.
/// </summary>
internal sealed record BlobRequestTarget(string AccountName, string ContainerName, string BlobName)
{
    // Azurite never takes the account from this host name, though it has dots (Azurite's NO_ACCOUNT_HOST_NAMES).
    private const string DockerHostName = "host.docker.internal";

    /// <summary>
    /// Reads <c>/account/container/blob</c> from the raw request path, or <c>/container/blob</c> with the account taken
    /// from a production-style host name such as devstoreaccount1.blob.localhost; <see langword="null"/> unless it names a blob.
    /// </summary>
    /// <remarks>
    /// Like Azurite (blobStorageContext.middleware.js, extractStoragePartsFromPath): the whole path is percent-decoded
    /// before it is split, and a backslash in the blob name is a slash.
    /// </remarks>
    public static BlobRequestTarget? FromRequest(string host, string rawPath)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(rawPath);

        var parts = Uri.UnescapeDataString(rawPath).TrimStart('/').Split('/');
        var next = 0;
        var firstDot = host.IndexOf('.', StringComparison.Ordinal);
        var account = firstDot > 0 && !IPAddress.TryParse(host, out _) && !host.Equals(DockerHostName, StringComparison.OrdinalIgnoreCase)
            ? host[..firstDot]
            : parts[next++];
        var container = next < parts.Length ? parts[next++] : string.Empty;
        var blob = next < parts.Length ? string.Join('/', parts[next..]).Replace('\\', '/') : string.Empty;

        return account.Length > 0 && container.Length > 0 && blob.Length > 0
            ? new BlobRequestTarget(account, container, blob)
            : null;
    }
}
