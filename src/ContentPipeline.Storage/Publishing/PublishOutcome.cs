using ContentPipeline.Core.Articles;

namespace ContentPipeline.Storage.Publishing;

/// <summary>What publishing one source blob did.</summary>
public enum PublishResultKind
{
    /// <summary>The page is on the site; see <see cref="PublishOutcome.PageWritten"/>.</summary>
    Published,

    /// <summary>The source could not be parsed or rendered; the reason is in the catalog.</summary>
    Failed,

    /// <summary>The source is a draft: no page, not listed (a page it had before was taken down).</summary>
    Draft,

    /// <summary>The source is dated in the future: no page until the date passes.</summary>
    Scheduled,

    /// <summary>The blob is not an article (unknown extension): nothing to do.</summary>
    Ignored,

    /// <summary>The blob's name is not a valid slug; the reason is recorded with the catalog.</summary>
    Rejected,

    /// <summary>The blob was deleted before it could be read.</summary>
    SourceMissing,

    /// <summary>The catalog already describes a newer source of the same article.</summary>
    Superseded,
}

/// <summary>The result of publishing one source blob.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Slug">The article's slug, when the blob name was one.</param>
/// <param name="PageWritten">True when the page's bytes changed and were written.</param>
/// <param name="Error">Why it failed or was rejected.</param>
public sealed record PublishOutcome(PublishResultKind Kind, string? Slug = null, bool PageWritten = false, ArticleError? Error = null);
