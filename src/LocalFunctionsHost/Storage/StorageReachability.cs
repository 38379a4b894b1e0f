using Azure.Storage.Blobs;

namespace LocalFunctionsHost.Storage;

/// <summary>
/// Tells quickly whether the blob service a connection string names is up, so a host can use that account
/// instead of starting an Azurite of its own.
/// </summary>
public static class StorageReachability
{
    /// <summary>Long enough for a local Azurite or a nearby Azure region, short enough not to hold up a host's start.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <inheritdoc cref="IsBlobServiceAnsweringAsync(string, TimeSpan, CancellationToken)"/>
    public static Task<bool> IsBlobServiceAnsweringAsync(string connectionString, CancellationToken cancellationToken = default) =>
        IsBlobServiceAnsweringAsync(connectionString, DefaultTimeout, cancellationToken);

    /// <summary>
    /// Sends one unauthenticated service request to the blob endpoint of <paramref name="connectionString"/>
    /// (which may be "UseDevelopmentStorage=true") and says whether a storage service answered within <paramref name="timeout"/>.
    /// </summary>
    /// <remarks>
    /// The refusal is the answer sought: a storage service (Azure or Azurite) refuses it with an <c>x-ms-request-id</c> header,
    /// which something else on that port (say, a proxy whose upstream is down) does not send.
    /// </remarks>
    /// <exception cref="FormatException">The connection string cannot be parsed.</exception>
    public static async Task<bool> IsBlobServiceAnsweringAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // The SDK's own parser, so every form it accepts (development storage, explicit endpoints, endpoint suffixes) is understood alike.
        var serviceUri = new BlobServiceClient(connectionString).Uri;
        var probeUri = new UriBuilder(serviceUri) { Query = "restype=service&comp=properties" }.Uri;

        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = timeout }) { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(probeUri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.Headers.Contains("x-ms-request-id");
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
