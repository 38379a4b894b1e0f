using System.Collections.Concurrent;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Api;

/// <summary>
/// The views of many articles with few requests. The ranking (<c>GET /api/views?top=100</c>) lists every article
/// that has views when it is not full, so an article missing from a short ranking has none; only when the ranking
/// is full are the others asked one by one (<c>GET /api/views/{slug}</c>).
/// </summary>
internal static class ArticleViewCounts
{
    /// <summary>Views by slug of the articles readers can see; articles without a page have no entry.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(ContentPipelineApi api, IReadOnlyList<ArticleInfo> articles, int parallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(articles);
        var ranking = await api.TopViewsAsync(ContentPipelineApi.MaxTop, cancellationToken);
        var views = new ConcurrentDictionary<string, long>(ranking.ToDictionary(r => r.Slug, r => r.Views, StringComparer.Ordinal), StringComparer.Ordinal);
        var unranked = articles.Where(a => IsReadable(a) && !views.ContainsKey(a.Slug)).ToList();
        if (ranking.Count < ContentPipelineApi.MaxTop)
        {
            foreach (var article in unranked)
            {
                views[article.Slug] = 0;
            }

            return views;
        }

        await Parallel.ForEachAsync(
            unranked,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (article, ct) =>
            {
                if (Slug.TryParse(article.Slug, out var slug, out _))
                {
                    views[article.Slug] = await api.ViewsAsync(slug, ct);
                }
            });
        return views;
    }

    /// <summary>What the pipeline counts views for: a page was published and the article is not a draft.</summary>
    public static bool IsReadable(ArticleInfo article) => article?.PublishedAt is not null && !article.Draft;
}
