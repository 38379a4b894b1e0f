using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Google.Protobuf;
using LocalFunctionsHost.Rpc;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// Builds the InvocationRequest for a blob trigger as the real host sends it with deferred binding: the trigger
/// parameter gets model binding data naming the connection, container and blob (the worker reads the blob itself,
/// so BlobClient, Stream, string and byte[] parameters all work), and the trigger metadata carries
/// <c>BlobTrigger</c>, <c>Uri</c>, <c>Properties</c>, <c>Metadata</c> and one value per path placeholder.
/// </summary>
internal static class BlobInvocationFactory
{
    public const string ModelBindingSource = "AzureStorageBlobs";

    public static InvocationRequest Create(
        string functionId,
        BlobWorkItem item,
        IReadOnlyDictionary<string, string> placeholders,
        BlobProperties properties,
        Uri blobUri)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(placeholders);
        ArgumentNullException.ThrowIfNull(properties);
        var reference = JsonSerializer.SerializeToUtf8Bytes(new BlobReference(item.Function.Connection, item.ContainerName, item.BlobName));
        var request = new InvocationRequest
        {
            FunctionId = functionId,
            InvocationId = Guid.NewGuid().ToString(),
            TraceContext = new RpcTraceContext(),
        };
        request.InputData.Add(new ParameterBinding
        {
            Name = item.Function.BindingName,
            Data = new TypedData
            {
                ModelBindingData = new ModelBindingData
                {
                    Version = "1.0",
                    Source = ModelBindingSource,
                    ContentType = "application/json",
                    Content = ByteString.CopyFrom(reference),
                },
            },
        });

        request.TriggerMetadata["BlobTrigger"] = new TypedData { String = $"{item.ContainerName}/{item.BlobName}" };
        request.TriggerMetadata["Uri"] = new TypedData { Json = JsonSerializer.Serialize(blobUri.AbsoluteUri) };
        request.TriggerMetadata["Properties"] = new TypedData { Json = JsonSerializer.Serialize(PropertiesOf(properties)) };
        request.TriggerMetadata["Metadata"] = new TypedData { Json = JsonSerializer.Serialize(properties.Metadata) };
        foreach (var (name, value) in placeholders)
        {
            request.TriggerMetadata[name] = new TypedData { String = value };
        }

        return request;
    }

    // The worker reads this JSON case-sensitively, with these exact PascalCase names.
    private sealed record BlobReference(string Connection, string ContainerName, string BlobName);

    private static Dictionary<string, object?> PropertiesOf(BlobProperties properties) => new()
    {
        ["BlobType"] = properties.BlobType.ToString(),
        ["ContentType"] = properties.ContentType,
        ["ContentEncoding"] = properties.ContentEncoding,
        ["ContentLength"] = properties.ContentLength,
        ["ContentMD5"] = properties.ContentHash is { Length: > 0 } hash ? Convert.ToBase64String(hash) : null,
        ["CacheControl"] = properties.CacheControl,
        ["ETag"] = properties.ETag.ToString(),
        ["LastModified"] = properties.LastModified,
        ["CreatedOn"] = properties.CreatedOn,
    };
}
