using ContentPipeline.Core.Articles;
using ContentPipeline.Storage.Catalog;

namespace ContentPipeline.Storage.Ingest;

/// <summary>What happened to an upload.</summary>
public enum IngestResultKind
{
    /// <summary>Stored; rendering happens next (or already happened for identical bytes).</summary>
    Accepted,

    /// <summary>The file cannot be parsed; see <see cref="IngestResult.Error"/>.</summary>
    Invalid,

    /// <summary>The slug belongs to a different article and overwriting was not asked for.</summary>
    Conflict,
}

/// <summary>The result of one upload.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Slug">The slug the file was stored under, or would have been.</param>
/// <param name="Status">The article's status after the upload, when accepted.</param>
/// <param name="Error">Why the file was refused.</param>
public sealed record IngestResult(IngestResultKind Kind, string? Slug, ArticleStatus? Status = null, ArticleError? Error = null);
