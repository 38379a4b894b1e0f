using ContentPipeline.Cli.Api;
using ContentPipeline.Cli.Files;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Publishing;

/// <summary>
/// Unpublishes the articles whose files are gone: with <c>--prune</c> the folder is taken to be the whole site, so
/// every article in the catalog that no file in it stands for is taken down.
/// </summary>
internal sealed class Pruner(IArticleUploader uploader, PublishOptions options)
{
    /// <summary>The catalog's articles that no file of <paramref name="scan"/> stands for, by slug.</summary>
    public static IReadOnlyList<ArticleInfo> Gone(IReadOnlyDictionary<string, ArticleInfo> catalog, ArticleScan scan)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(scan);
        var present = scan.Slugs;
        return catalog.Values.Where(a => !present.Contains(a.Slug)).OrderBy(a => a.Slug, StringComparer.Ordinal).ToList();
    }

    /// <summary>Unpublishes <paramref name="gone"/>, a bounded number at a time, reporting each.</summary>
    public async Task<IReadOnlyList<ArticleResult>> UnpublishAsync(IReadOnlyList<ArticleInfo> gone, IProgress<ArticleResult> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gone);
        ArgumentNullException.ThrowIfNull(progress);
        var results = new System.Collections.Concurrent.ConcurrentBag<ArticleResult>();
        await Parallel.ForEachAsync(
            gone,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (article, ct) =>
            {
                var result = await UnpublishAsync(article, ct);
                results.Add(result);
                progress.Report(result);
            });
        return results.OrderBy(r => r.Slug, StringComparer.Ordinal).ToList();
    }

    private async Task<ArticleResult> UnpublishAsync(ArticleInfo article, CancellationToken cancellationToken)
    {
        // Catalog slugs passed the same validation when they were stored; a row that somehow does not is reported, not sent.
        if (!Slug.TryParse(article.Slug, out var slug, out var problem))
        {
            return new ArticleResult("", article.Slug, PublishOutcome.Failed, Reason: problem);
        }

        return await uploader.UnpublishAsync(slug, cancellationToken) switch
        {
            UnpublishResult.Unpublished => new ArticleResult("", slug.Value, PublishOutcome.Unpublished, Reason: "Its file is gone: source, page and views removed."),
            UnpublishResult.SourceDeleted => new ArticleResult("", slug.Value, PublishOutcome.Unpublished,
                Reason: "Its file is gone: source deleted; the pipeline takes the page down (at once in Azure, within a minute locally)."),
            _ => new ArticleResult("", slug.Value, PublishOutcome.Unpublished, Reason: "Already gone."),
        };
    }
}
