using Azure;

namespace LocalFunctionsHost.Blobs;

/// <summary>One blob version to hand to one function.</summary>
/// <param name="Function">The function to invoke.</param>
/// <param name="ContainerName">The blob's container.</param>
/// <param name="BlobName">The blob's name.</param>
/// <param name="ETag">The version announced, when known (events carry it; scans read it).</param>
/// <param name="RequireSameETag">Scan-sourced work is dropped when the blob changed since (its new version is found on its own).</param>
internal sealed record BlobWorkItem(BlobTriggerFunction Function, string ContainerName, string BlobName, ETag? ETag, bool RequireSameETag);
