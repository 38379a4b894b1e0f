using System.Diagnostics;
using System.Globalization;
using System.Net;
using ContentPipeline.Benchmarks.Load;
using ContentPipeline.Benchmarks.Reporting;

namespace ContentPipeline.Benchmarks.Views;

/// <summary>
/// <c>POST /api/views/{slug}</c> through the local host, on one hot article and on many, each run followed by the
/// exactness check: the stored counts (<c>GET /api/views/{slug}</c>) rose by exactly the number of 200 answers.
/// </summary>
internal sealed class ViewsEndpointScenarios(ViewsApi api)
{
    public const string HotSlug = "bench-hot";
    public const int ManySlugCount = 100;

    // How long the stored count may take to catch up with the 200 answers before the run counts as inexact.
    // The contract is that a 200 means stored, so any wait at all is printed next to the OK.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(100);
    private const int PublishParallelism = 8;

    public static IReadOnlyList<string> ManySlugs { get; } =
        [.. Enumerable.Range(0, ManySlugCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench-{i:D3}"))];

    /// <summary>The scenarios: a name and the slugs its workers count views of, in turn.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Slugs)> All { get; } =
    [
        ("POST /api/views, 1 hot slug", [HotSlug]),
        ($"POST /api/views, {ManySlugCount} slugs", ManySlugs),
    ];

    /// <summary>Publishes every article the scenarios count views of, and waits until all are published.</summary>
    public async Task PublishArticlesAsync(CancellationToken cancellationToken = default)
    {
        string[] slugs = [HotSlug, .. ManySlugs];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = PublishParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(slugs, parallel, async (slug, ct) => await api.PutArticleAsync(slug, ct));
        await Parallel.ForEachAsync(slugs, parallel, async (slug, ct) => await api.WaitUntilPublishedAsync(slug, ct));
    }

    /// <summary>
    /// Counts one view of the hot article and checks the answer against the contract. Null when the endpoint
    /// works; otherwise why the endpoint scenarios cannot run.
    /// </summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var (status, body) = await api.ProbeCountAsync(HotSlug, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            return $"POST /api/views/{HotSlug} (a published article) answered {(int)status} {body}";
        }

        return body.Contains("\"counted\":true", StringComparison.Ordinal) && body.Contains("\"views\":", StringComparison.Ordinal)
            ? null
            : $"POST /api/views/{HotSlug} answered 200 but not {{\"slug\",\"views\",\"counted\":true}}: {body}";
    }

    /// <summary>
    /// Counts views of every article for a while without measuring, so that the measured runs start warm (JIT,
    /// connections, and the app's per-article state such as "this article is published").
    /// </summary>
    public async Task WarmUpAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var routes = new RoundRobin<Uri>([.. ((string[])[HotSlug, .. ManySlugs]).Select(ViewsApi.ViewsRoute)]);
        await LoadDriver.RunAsync(concurrency, duration, _ => api.CountViewAsync(routes.Next()), cancellationToken);
    }

    /// <summary>Runs one scenario and checks that the stored counts rose by exactly its successful POSTs.</summary>
    public async Task<ScenarioResult> RunAsync(string name, IReadOnlyList<string> slugs, int concurrency, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        var routes = new RoundRobin<Uri>([.. slugs.Select(ViewsApi.ViewsRoute)]);
        var before = await api.SumViewsAsync(slugs, cancellationToken);

        var load = await LoadDriver.RunAsync(concurrency, duration, _ => api.CountViewAsync(routes.Next()), cancellationToken);

        var stored = await api.SumViewsAsync(slugs, cancellationToken) - before;
        TimeSpan? settledAfter = null;
        if (stored != load.Succeeded)
        {
            var waited = Stopwatch.StartNew();
            while (stored != load.Succeeded && waited.Elapsed < SettleTimeout)
            {
                await Task.Delay(SettlePoll, cancellationToken);
                stored = await api.SumViewsAsync(slugs, cancellationToken) - before;
            }

            settledAfter = stored == load.Succeeded ? waited.Elapsed : null;
        }

        return new ScenarioResult(name, load, new Exactness(load.Succeeded, stored, settledAfter));
    }
}
