using ContentPipeline.Cli.Api;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Publishing;

/// <summary>Reads the catalog entries of a set of articles from the API with as few requests as it can.</summary>
internal sealed class CatalogReader(ContentPipelineApi api, PublishOptions options)
{
    /// <summary>The entries of <paramref name="slugs"/> that exist, by slug.</summary>
    public async Task<IReadOnlyDictionary<string, ArticleInfo>> ReadAsync(IReadOnlyCollection<Slug> slugs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        if (slugs.Count > options.SingleReadLimit)
        {
            var wanted = slugs.Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
            return (await api.ListArticlesAsync(cancellationToken)).Where(a => wanted.Contains(a.Slug)).ToDictionary(a => a.Slug, StringComparer.Ordinal);
        }

        var entries = new System.Collections.Concurrent.ConcurrentDictionary<string, ArticleInfo>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            slugs,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (slug, ct) =>
            {
                if (await api.GetArticleAsync(slug, ct) is { } entry)
                {
                    entries[slug.Value] = entry;
                }
            });
        return entries;
    }

    /// <summary>Every entry, by slug.</summary>
    public async Task<IReadOnlyDictionary<string, ArticleInfo>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        (await api.ListArticlesAsync(cancellationToken)).ToDictionary(a => a.Slug, StringComparer.Ordinal);
}
