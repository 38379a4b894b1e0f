using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Sources;

namespace ContentPipeline.Storage.Site;

/// <summary>
/// The body HTML of the articles the feed carries. Bodies are not in the catalog, so the newest few sources are
/// parsed again, once per source version: a rebuild that finds the same versions parses nothing.
/// </summary>
public sealed class FeedBodies(ArticleSourceStore sources, ArticleParser parser)
{
    private readonly ConcurrentDictionary<string, (string SourceETag, string Html)> cache = new(StringComparer.Ordinal);

    /// <summary>The body HTML of each entry, keyed by slug.</summary>
    public async Task<IReadOnlyDictionary<Slug, string>> ReadAsync(IEnumerable<(Slug Slug, CatalogEntry Entry)> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var bodies = new Dictionary<Slug, string>();
        foreach (var (slug, entry) in articles)
        {
            bodies[slug] = await ReadAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        return bodies;
    }

    private async Task<string> ReadAsync(CatalogEntry entry, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(entry.Slug, out var cached) && cached.SourceETag == entry.SourceETag)
        {
            return cached.Html;
        }

        var html = Summary(entry);
        if (entry.Status == ArticleStatus.Published
            && ArticleFormats.TryFromFileName(entry.SourceBlob, out var format)
            && await ArticleSourceStore.ReadAsync(sources.Blob(entry.SourceBlob), cancellationToken).ConfigureAwait(false) is { } content
            && content.ETag == entry.SourceETag)
        {
            var parsed = parser.Parse(new ArticleSource(content.Content.ToMemory(), format, entry.SourceBlob));
            if (parsed.IsSuccess)
            {
                html = parsed.Article.BodyHtml;
            }
        }

        cache[entry.Slug] = (entry.SourceETag, html);
        return html;
    }

    // When the source of the page on the site is gone (a later upload failed, or the source changed since the
    // catalog row was read), the feed carries the summary rather than a body that may not match the page.
    private static string Summary(CatalogEntry entry) => $"<p>{HtmlEncoder.Default.Encode(entry.Summary)}</p>";
}
