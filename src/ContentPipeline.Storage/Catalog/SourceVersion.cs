namespace ContentPipeline.Storage.Catalog;

/// <summary>The source version a catalog entry describes.</summary>
/// <param name="BlobName">Name within the articles container.</param>
/// <param name="ETag">The version's ETag.</param>
/// <param name="LastModified">The version's Last-Modified.</param>
/// <param name="Hash">SHA-256 of its bytes.</param>
public sealed record SourceVersion(string BlobName, string ETag, DateTimeOffset LastModified, string Hash);
