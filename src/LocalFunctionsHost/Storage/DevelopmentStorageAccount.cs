using System.Globalization;

namespace LocalFunctionsHost.Storage;

/// <summary>
/// The account every Azurite serves unless told otherwise, and the connection strings that reach it.
/// </summary>
public static class DevelopmentStorageAccount
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The development storage key every Azurite accepts; it is public and guards nothing.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The loopback address Azurite and the host's own listeners bind to.</summary>
    public const string Host = "127.0.0.1";

    /// <summary>The path-style endpoint of the account on a local service port, e.g. http://127.0.0.1:10000/devstoreaccount1.</summary>
    public static Uri AccountEndpoint(int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{port}/{AccountName}"));

    /// <summary>
    /// A complete connection string with every endpoint spelled out, because "UseDevelopmentStorage=true"
    /// means the fixed default ports, which an Azurite on other ports does not use.
    /// </summary>
    public static string ConnectionString(Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(tableEndpoint);

        return $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint={blobEndpoint};QueueEndpoint={queueEndpoint};TableEndpoint={tableEndpoint};";
    }
}
