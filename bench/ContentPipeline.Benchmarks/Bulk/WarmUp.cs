using System.Diagnostics;
using System.Globalization;
using ContentPipeline.Benchmarks.Load;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// Runs the whole pipeline once before the measured run, on a few articles of its own that it publishes and deletes
/// again, each time waiting until the site has converged. The measured run then starts as a live site would take a
/// bulk upload: with a warm worker (compiled, connections open) and a site whose listings exist, here empty.
/// </summary>
internal sealed class WarmUp(BulkApi api, SiteReader site, int pageSize, int feedSize)
{
    /// <summary>As many as the default upload concurrency, so each of the worker's parallel paths runs at least once.</summary>
    public const int Articles = 16;

    private const string SlugPrefix = "warm-up-";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Publishes and deletes the warm-up articles; returns the write count of each listing file afterwards, from
    /// which the measured run's writes are counted, or why it failed.
    /// </summary>
    public async Task<WarmUpResult> RunAsync(int concurrency, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();

        // Another seed and a slug prefix of their own, so no warm-up article is taken for one of the run's.
        var articles = ArticleGenerator.Generate(Articles, ArticleGenerator.Seed + 1, SlugPrefix);
        var failure = await RunAllAsync(articles, concurrency, api.PutArticleAsync, cancellationToken)
            ?? (await WaitUntilConvergedAsync(ExpectedSite.For(articles, pageSize, feedSize), "publishing", cancellationToken)).Failure
            ?? await RunAllAsync(articles, concurrency, api.DeleteArticleAsync, cancellationToken);
        if (failure is not null)
        {
            return new WarmUpResult(null, Stopwatch.GetElapsedTime(started), failure);
        }

        var (empty, emptyFailure) = await WaitUntilConvergedAsync(ExpectedSite.For([], pageSize, feedSize), "deleting", cancellationToken);
        var writes = empty?.ListingFiles?.ToDictionary(f => f.Key, f => f.Value.Writes, StringComparer.Ordinal);
        return new WarmUpResult(writes, Stopwatch.GetElapsedTime(started), emptyFailure);
    }

    private static async Task<string?> RunAllAsync(IReadOnlyList<GeneratedArticle> articles, int concurrency, Func<GeneratedArticle, Task<OperationOutcome>> operation, CancellationToken cancellationToken)
    {
        var result = await WorkListDriver.RunAsync(articles, concurrency, operation, cancellationToken);
        return result.Failed == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{result.Failed} of {articles.Count} requests failed, e.g. {result.FirstError}");
    }

    private async Task<(SiteState? Converged, string? Failure)> WaitUntilConvergedAsync(ExpectedSite expected, string step, CancellationToken cancellationToken)
    {
        var convergence = new SiteConvergence(site, expected);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var state = await convergence.CheckAsync(cancellationToken);
            if (state.Converged)
            {
                return (state, null);
            }

            if (Stopwatch.GetElapsedTime(started) > Timeout)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"the site did not converge within {Timeout.TotalSeconds:0} s of {step} the warm-up articles: {state.Problem}"));
            }

            await Task.Delay(ConvergenceWatch.PollInterval, cancellationToken);
        }
    }
}

/// <summary>The listing files' write counts after the warm-up (null if it failed), how long it took, and why it failed.</summary>
internal sealed record WarmUpResult(IReadOnlyDictionary<string, long>? ListingWrites, TimeSpan Elapsed, string? Failure);
