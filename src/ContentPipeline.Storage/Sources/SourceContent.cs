namespace ContentPipeline.Storage.Sources;

/// <summary>A source blob's bytes and the version they belong to.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ETag">The ETag of the version that was read.</param>
/// <param name="LastModified">The Last-Modified of that version.</param>
public sealed record SourceContent(BinaryData Content, string ETag, DateTimeOffset LastModified);
