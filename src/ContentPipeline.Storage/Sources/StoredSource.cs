namespace ContentPipeline.Storage.Sources;

/// <summary>A source version in the articles container.</summary>
/// <param name="BlobName">Name within the container, <c>{slug}{extension}</c>.</param>
/// <param name="ETag">The version's ETag.</param>
/// <param name="LastModified">The version's Last-Modified.</param>
/// <param name="Created">False when the same bytes were already stored and nothing was written.</param>
public sealed record StoredSource(string BlobName, string ETag, DateTimeOffset LastModified, bool Created);
