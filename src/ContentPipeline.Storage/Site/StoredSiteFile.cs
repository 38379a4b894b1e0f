namespace ContentPipeline.Storage.Site;

/// <summary>A listing file as stored: the SHA-256 of its bytes (null if it has none recorded) and how many times it was written.</summary>
public sealed record StoredSiteFile(string? ContentHash, long Writes);
