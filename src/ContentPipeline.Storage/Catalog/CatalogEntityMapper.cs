using System.Text.Json;
using Azure.Data.Tables;

namespace ContentPipeline.Storage.Catalog;

/// <summary>Maps <see cref="CatalogEntry"/> to and from table entities. Tags are stored as a JSON array.</summary>
internal static class CatalogEntityMapper
{
    public const string ArticlePartition = "article";

    public static TableEntity ToEntity(CatalogEntry entry) => new(ArticlePartition, entry.Slug)
    {
        ["Title"] = entry.Title,
        ["Status"] = entry.Status.ToString(),
        ["Error"] = entry.Error,
        ["Retryable"] = entry.Retryable,
        ["SourceBlob"] = entry.SourceBlob,
        ["SourceETag"] = entry.SourceETag,
        ["SourceLastModified"] = entry.SourceLastModified,
        ["SourceHash"] = entry.SourceHash,
        ["ContentHash"] = entry.ContentHash,
        ["RenderVersion"] = entry.RenderVersion,
        ["Date"] = entry.Date,
        ["Tags"] = JsonSerializer.Serialize(entry.Tags),
        ["Summary"] = entry.Summary,
        ["Author"] = entry.Author,
        ["Draft"] = entry.Draft,
        ["PublishedAt"] = entry.PublishedAt,
        ["CreatedAt"] = entry.CreatedAt,
        ["UpdatedAt"] = entry.UpdatedAt,
    };

    public static CatalogEntry FromEntity(TableEntity entity) => new()
    {
        Slug = entity.RowKey,
        Title = entity.GetString("Title") ?? entity.RowKey,
        Status = Enum.TryParse<ArticleStatus>(entity.GetString("Status"), out var status) ? status : ArticleStatus.Pending,
        Error = entity.GetString("Error"),
        Retryable = entity.GetBoolean("Retryable") ?? false,
        SourceBlob = entity.GetString("SourceBlob") ?? "",
        SourceETag = entity.GetString("SourceETag") ?? "",
        SourceLastModified = entity.GetDateTimeOffset("SourceLastModified") ?? DateTimeOffset.MinValue,
        SourceHash = entity.GetString("SourceHash"),
        ContentHash = entity.GetString("ContentHash"),
        RenderVersion = entity.GetString("RenderVersion"),
        Date = entity.GetDateTimeOffset("Date"),
        Tags = entity.GetString("Tags") is { Length: > 0 } tags ? JsonSerializer.Deserialize<string[]>(tags) ?? [] : [],
        Summary = entity.GetString("Summary") ?? "",
        Author = entity.GetString("Author"),
        Draft = entity.GetBoolean("Draft") ?? false,
        PublishedAt = entity.GetDateTimeOffset("PublishedAt"),
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
    };
}
