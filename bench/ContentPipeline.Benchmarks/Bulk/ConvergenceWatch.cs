using System.Diagnostics;
using System.Globalization;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// Polls the site after the uploads until it has converged, an article fails, or the time is up. Converged is
/// counted from the first upload to the end of the check that found the site right, so it is late by at most one
/// poll interval plus one check.
/// </summary>
/// <remarks>
/// When every article was published comes from the catalog (<c>GET /api/articles</c>) once the site has converged:
/// the latest <c>publishedAt</c>, which the worker stamps as it records the article, by the same machine's clock.
/// Reading the catalog while waiting would load the app it measures (each page of that API reads the whole catalog
/// table), so it is read then only when the sitemap has stopped growing for a while, to look for failed articles.
/// </remarks>
internal sealed class ConvergenceWatch(SiteConvergence site, BulkApi api, int articles)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StallBeforeCatalogRead = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Watches until the site converges, an article fails, or <paramref name="timeout"/> after the first upload, which
    /// was at <paramref name="firstUpload"/> (a <see cref="Stopwatch"/> timestamp) and <paramref name="firstUploadUtc"/>.
    /// </summary>
    public async Task<WatchResult> RunAsync(long firstUpload, DateTimeOffset firstUploadUtc, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var polls = 0;
        var catalogReads = 0;
        var listed = -1;
        var listedGrewAt = Stopwatch.GetElapsedTime(firstUpload);
        var catalogReadAt = TimeSpan.Zero;
        var progressAt = TimeSpan.Zero;
        while (true)
        {
            var pollStarted = Stopwatch.GetTimestamp();
            var state = await site.CheckAsync(cancellationToken);
            polls++;
            var now = Stopwatch.GetElapsedTime(firstUpload);
            if (state.Converged)
            {
                var catalog = await api.ReadCatalogAsync(cancellationToken);
                var published = catalog.Count(CatalogStatus.Published) == articles && catalog.LastPublishedAt is { } last ? last - firstUploadUtc : (TimeSpan?)null;
                return new WatchResult(published, now, state, catalog, null, polls, catalogReads + 1);
            }

            if (state.SitemapArticles > listed)
            {
                listed = state.SitemapArticles;
                listedGrewAt = now;
            }
            else if (now - listedGrewAt > StallBeforeCatalogRead && now - catalogReadAt > StallBeforeCatalogRead)
            {
                var catalog = await api.ReadCatalogAsync(cancellationToken);
                catalogReads++;
                catalogReadAt = Stopwatch.GetElapsedTime(firstUpload);
                if (catalog.Failures.Count > 0)
                {
                    return new WatchResult(null, null, state, catalog, $"{catalog.Failures.Count} articles failed to publish, e.g. {catalog.Failures[0]}", polls, catalogReads);
                }
            }

            if (now > timeout)
            {
                var catalog = await api.ReadCatalogAsync(cancellationToken);
                return new WatchResult(null, null, state, catalog, string.Create(CultureInfo.InvariantCulture, $"it had not converged {timeout.TotalSeconds:0} s after the first upload"), polls, catalogReads + 1);
            }

            if (now - progressAt >= ProgressInterval)
            {
                progressAt = now;
                // Until the sitemap is right, the problem is the sitemap, which the first part already says.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {now.TotalSeconds,6:0.0} s  the sitemap lists {state.SitemapArticles} of {articles} articles{(state.ArticlePages is null ? "" : "; " + state.Problem)}"));
            }

            var wait = PollInterval - Stopwatch.GetElapsedTime(pollStarted);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }
    }
}

/// <summary>
/// What watching the site came to: when every article was published and when the site converged (from the first
/// upload; null if not), the last look at the site and the catalog, why it stopped short, and the polling it took.
/// </summary>
internal sealed record WatchResult(TimeSpan? Published, TimeSpan? Converged, SiteState Site, CatalogStatus? Catalog, string? Failure, int Polls, int CatalogReads);
