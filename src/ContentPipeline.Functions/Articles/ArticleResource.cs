using System.Text.Json.Serialization;
using ContentPipeline.Core;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;

namespace ContentPipeline.Functions.Articles;

/// <summary>
/// An article as the API shows it. <c>sourceHash</c> is the SHA-256 (lowercase hex) of the source bytes as stored,
/// so a client can tell whether a file it holds is the one the site last saw without uploading it.
/// </summary>
public sealed record ArticleResource(
    string Slug,
    string Title,
    string Status,
    string? Error,
    Uri? Url,
    string SourceBlob,
    string? SourceHash,
    DateTimeOffset? Date,
    IReadOnlyList<string> Tags,
    string Summary,
    string? Author,
    bool Draft,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The article's views, when the answer is about this one article (lists leave it out).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Views { get; init; }

    /// <summary>Maps a catalog entry; <c>url</c> is set once a page has been published.</summary>
    public static ArticleResource From(CatalogEntry entry, ContentPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        var url = entry.PublishedAt is not null && Core.Slugs.Slug.TryParse(entry.Slug, out var slug, out _)
            ? SiteUrls.ArticlePage(options.SiteBaseUrl, slug)
            : null;
        return new ArticleResource(
            entry.Slug, entry.Title, StatusName(entry.Status), entry.Error, url, entry.SourceBlob, entry.SourceHash, entry.Date, entry.Tags,
            entry.Summary, entry.Author, entry.Draft, entry.PublishedAt, entry.UpdatedAt);
    }

    /// <summary>The lowercase status name the API uses.</summary>
    public static string StatusName(ArticleStatus status) => status switch
    {
        ArticleStatus.Pending => "pending",
        ArticleStatus.Published => "published",
        ArticleStatus.Failed => "failed",
        ArticleStatus.Draft => "draft",
        ArticleStatus.Scheduled => "scheduled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
