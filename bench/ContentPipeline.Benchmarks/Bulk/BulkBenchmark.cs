using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using ContentPipeline.Benchmarks.Hosting;
using ContentPipeline.Benchmarks.Load;
using ContentPipeline.Benchmarks.Reporting;
using ContentPipeline.Core;
using static System.FormattableString;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// A bulk upload through the real local host: N generated Markdown articles PUT through the API at a fixed
/// concurrency, then the time until the whole site has converged on them (every page, listing, tag page, feed and
/// sitemap right), and how many times the rebuilds wrote each listing file on the way.
/// </summary>
internal sealed class BulkBenchmark : IBenchmark
{
    private const int ExitIncomplete = 1;
    private const string WorkerName = "function app worker (dotnet)";

    public string Name => "bulk";

    public string Summary => "PUT N Markdown articles, time until the whole site (pages, listings, feed, sitemap) is right.";

    public IReadOnlyList<string> Options { get; } = [BenchmarkOptions.ArticlesOption, BenchmarkOptions.ConcurrencyOption, BenchmarkOptions.TimeoutOption];

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Console.WriteLine(Invariant($"bulk benchmark: {options.Articles} articles, {options.UploadConcurrency} uploads at a time, convergence timeout {options.ConvergenceTimeout.TotalSeconds:0} s{(options.Quick ? " (quick)" : "")}"));
        RunEnvironment.Print();
        var articles = ArticleGenerator.Generate(options.Articles);

        using var loggerFactory = BenchLogging.Create();
        Console.WriteLine("Starting the local host (Azurite in memory, the function app's worker)...");
        await using var host = await InProcessLocalHost.StartAsync(RepositoryLayout.FunctionsOutput(), RepositoryLayout.Root(), loggerFactory, cancellationToken);

        // The listings' shape as the worker is configured: its settings, else the app's defaults.
        var defaults = new ContentPipelineOptions();
        var pageSize = IntSetting(host, nameof(ContentPipelineOptions.ListPageSize), defaults.ListPageSize);
        var feedSize = IntSetting(host, nameof(ContentPipelineOptions.FeedSize), defaults.FeedSize);
        var siteContainer = host.ContentPipelineSetting(nameof(ContentPipelineOptions.SiteContainer)) ?? defaults.SiteContainer;
        var expected = ExpectedSite.For(articles, pageSize, feedSize);
        PrintArticles(articles, expected, pageSize, feedSize);

        using var api = new BulkApi(host.ApiUri);
        var container = new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient(siteContainer);
        Console.WriteLine(Invariant($"Warming up: publishing and deleting {WarmUp.Articles} articles of its own..."));
        var warmUp = await new WarmUp(api, new SiteReader(container), pageSize, feedSize).RunAsync(options.UploadConcurrency, cancellationToken);
        if (warmUp.ListingWrites is not { } writesBefore)
        {
            Console.WriteLine($"The warm-up failed: {warmUp.Failure}.");
            return new BenchmarkOutcome(ExitIncomplete, []);
        }

        Console.WriteLine(Invariant($"Warmed up in {warmUp.Elapsed.TotalSeconds:0.0} s; the site is empty again."));
        var reader = new SiteReader(container);
        using var usage = ProcessUsage.Start(
        [
            ("host + benchmark (this process)", Environment.ProcessId),
            (WorkerName, host.WorkerProcessId),
            ("Azurite (node)", ChildProcesses.FindByName("node")),
        ]);

        Console.WriteLine(Invariant($"Uploading {articles.Count} articles, {options.UploadConcurrency} at a time..."));
        var firstUpload = Stopwatch.GetTimestamp();
        var firstUploadUtc = DateTimeOffset.UtcNow;
        var upload = await WorkListDriver.RunAsync(articles, options.UploadConcurrency, api.PutArticleAsync, cancellationToken);
        Console.WriteLine(Invariant(
            $"Uploaded {upload.Succeeded} articles in {upload.Elapsed.TotalSeconds:0.00} s: {upload.Rate:0} uploads/s (p50 {upload.Latency.P50.TotalMilliseconds:0.0} ms, p99 {upload.Latency.P99.TotalMilliseconds:0.0} ms), {upload.Failed} failed."));
        if (upload.Failed > 0)
        {
            Console.WriteLine($"First failure: {upload.FirstError}");
            Console.WriteLine("Not waiting for the site: it cannot converge on articles that were not uploaded.");
            return new BenchmarkOutcome(ExitIncomplete, []);
        }

        Console.WriteLine(Invariant($"Waiting for the site to converge (checking {siteContainer} every {ConvergenceWatch.PollInterval.TotalMilliseconds:0} ms)..."));
        var watch = await new ConvergenceWatch(new SiteConvergence(reader, expected), api, articles.Count).RunAsync(firstUpload, firstUploadUtc, options.ConvergenceTimeout, cancellationToken);
        var resources = usage.Stop();
        PrintOutcome(watch);

        // The run's writes: the counts now less those the warm-up left (its tag pages were deleted, so theirs restart from 0).
        var runWrites = (watch.Site.ListingFiles ?? await reader.ReadListingFilesAsync(cancellationToken)).ToDictionary(
            f => f.Key,
            f => f.Value with { Writes = f.Value.Writes - writesBefore.GetValueOrDefault(f.Key) },
            StringComparer.Ordinal);
        Console.WriteLine();
        Console.WriteLine(BulkReport.Markdown(articles, upload, watch, runWrites, reader, resources));
        IReadOnlyList<GoalResult> goals =
        [
            .. BulkPerformanceGoals.Read(articles.Count, watch.Converged, ListingWrites.MostWritten(runWrites)),
            MemoryGoals.WorkerPeak("bulk", resources, WorkerName),
        ];
        Console.WriteLine(GoalTable.Markdown(goals));

        // Timings never fail the run; a site that never converges does (a lost article or listing is a bug, not a slow machine).
        return new BenchmarkOutcome(watch.Converged is null ? ExitIncomplete : BenchmarkOutcome.Succeeded, goals);
    }

    private static void PrintArticles(IReadOnlyList<GeneratedArticle> articles, ExpectedSite expected, int pageSize, int feedSize)
    {
        var sizes = articles.Select(a => Encoding.UTF8.GetByteCount(a.Markdown)).ToArray();
        Console.WriteLine(Invariant(
            $"{articles.Count} generated articles (seed {ArticleGenerator.Seed}): {sizes.Sum() / (1024.0 * 1024.0):0.0} MiB of Markdown, {sizes.Min() / 1024.0:0.0}-{sizes.Max() / 1024.0:0.0} KiB each, {articles.Count(a => a.Tags.Count == 2)} with two tags, dated {articles.Min(a => a.Date):yyyy-MM-dd} to {articles.Max(a => a.Date):yyyy-MM-dd}."));
        Console.WriteLine(Invariant(
            $"The site must come to {expected.Slugs.Count} article pages and {expected.ListingFiles.Count} listing files ({expected.TagSlugs.Count} tags, {pageSize} articles a page, {feedSize} in the feed)."));
    }

    private static void PrintOutcome(WatchResult watch)
    {
        if (watch.Published is { } published)
        {
            Console.WriteLine(Invariant($"Every article published {published.TotalSeconds:0.00} s after the first upload (the catalog's latest publishedAt)."));
        }

        Console.WriteLine(watch.Converged is { } converged
            ? Invariant($"The site converged {converged.TotalSeconds:0.00} s after the first upload.")
            : $"The site did not converge: {watch.Failure}. Last look: the sitemap listed {watch.Site.SitemapArticles} of the articles; {watch.Site.Problem}. Catalog: {watch.Catalog}.");
    }

    private static int IntSetting(InProcessLocalHost host, string option, int fallback) =>
        host.ContentPipelineSetting(option) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
