using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace ContentPipeline.Storage;

/// <summary>
/// Creates the storage clients from a Functions-style connection setting: either a connection string
/// (<c>AzureWebJobsStorage=UseDevelopmentStorage=true</c>) or an identity-based section
/// (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>),
/// the same forms the Functions host accepts.
/// </summary>
public static class StorageClients
{
    /// <summary>Creates the Blob service client for the connection named <paramref name="connectionName"/>.</summary>
    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[connectionName] is { Length: > 0 } connectionString
            ? new BlobServiceClient(connectionString)
            : new BlobServiceClient(ServiceUri(configuration.GetSection(connectionName), "blob"), Credential(configuration.GetSection(connectionName)));
    }

    /// <summary>Creates the Table service client for the connection named <paramref name="connectionName"/>.</summary>
    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration, string connectionName, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[connectionName] is { Length: > 0 } connectionString
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(ServiceUri(configuration.GetSection(connectionName), "table"), Credential(configuration.GetSection(connectionName)), options);
    }

    /// <summary>
    /// Creates the Queue service client for the connection named <paramref name="connectionName"/>. Messages are
    /// base64, the encoding the Functions queue trigger expects by default.
    /// </summary>
    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return configuration[connectionName] is { Length: > 0 } connectionString
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(ServiceUri(configuration.GetSection(connectionName), "queue"), Credential(configuration.GetSection(connectionName)), options);
    }

    /// <summary>
    /// Creates the Blob service client for a target a person gave on a command line: a service URL such as
    /// <c>https://account.blob.core.windows.net</c>, reached with <paramref name="credential"/>, or else a connection string.
    /// </summary>
    public static BlobServiceClient CreateBlobServiceClient(string serviceUriOrConnectionString, TokenCredential credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUriOrConnectionString);
        ArgumentNullException.ThrowIfNull(credential);
        return Uri.TryCreate(serviceUriOrConnectionString, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new BlobServiceClient(uri, credential)
            : new BlobServiceClient(serviceUriOrConnectionString);
    }

    private static Uri ServiceUri(IConfigurationSection section, string service)
    {
        if (section[$"{service}ServiceUri"] is { Length: > 0 } uri)
        {
            return new Uri(uri);
        }

        if (section["accountName"] is { Length: > 0 } account)
        {
            return new Uri($"https://{account}.{service}.core.windows.net/");
        }

        throw new InvalidOperationException(
            $"The storage connection '{section.Path}' is not configured: set '{section.Path}' to a connection string, "
            + $"or '{section.Path}__{service}ServiceUri' (or '{section.Path}__accountName') for an identity-based connection.");
    }

    private static TokenCredential Credential(IConfigurationSection section) =>
        string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
}
