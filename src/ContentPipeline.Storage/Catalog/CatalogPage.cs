namespace ContentPipeline.Storage.Catalog;

/// <summary>A page of catalog entries, newest first, with the token for the next page.</summary>
/// <param name="Entries">The entries of this page.</param>
/// <param name="ContinuationToken">Pass it back to get the next page; null on the last page.</param>
public sealed record CatalogPage(IReadOnlyList<CatalogEntry> Entries, string? ContinuationToken);
