using System.Diagnostics;
using Azure.Storage.Blobs;
using ContentPipeline.Benchmarks.Bulk;
using ContentPipeline.Benchmarks.Hosting;
using ContentPipeline.Benchmarks.Load;
using ContentPipeline.Benchmarks.Reporting;
using ContentPipeline.Core;
using static System.FormattableString;

namespace ContentPipeline.Benchmarks.Ingest;

/// <summary>
/// Goal 3 of the performance issue: from the 202 of a PUT to the page being served on the site origin, p50 ≤ 150 ms
/// and p99 ≤ 500 ms at one upload per second; a blob written straight into the articles container gets the same bound,
/// counted from the write. Through the real local host in this process (Azurite in memory, the app's worker).
/// </summary>
internal sealed class IngestBenchmark : IBenchmark
{
    private const int ExitFailed = 1;
    private const int WarmUpUploads = 3;
    private static readonly TimeSpan UploadInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxP50 = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan MaxP99 = TimeSpan.FromMilliseconds(500);

    public string Name => "ingest";

    public string Summary => "Latency from an upload (PUT 202, direct blob write) to its page on the site origin, 1 upload/s.";

    public IReadOnlyList<string> Options { get; } = [BenchmarkOptions.UploadsOption];

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Console.WriteLine(Invariant($"ingest benchmark: {options.Uploads} uploads each way, one a second; the site is polled every {IngestProbe.PollInterval.TotalMilliseconds:0} ms{(options.Quick ? " (quick)" : "")}"));
        RunEnvironment.Print();

        using var loggerFactory = BenchLogging.Create();
        Console.WriteLine("Starting the local host (Azurite in memory, the function app's worker)...");
        await using var host = await InProcessLocalHost.StartAsync(RepositoryLayout.FunctionsOutput(), RepositoryLayout.Root(), loggerFactory, cancellationToken);
        var container = host.ContentPipelineSetting(nameof(ContentPipelineOptions.ArticlesContainer)) ?? ContentPipelineOptions.DefaultArticlesContainer;
        var articles = new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient(container);
        await articles.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        using var probe = new IngestProbe(ApiClient.Create(host.ApiUri, IngestProbe.Timeout), ApiClient.Create(host.SiteUri, IngestProbe.Timeout), articles);

        // Warm-up: each path a few times, so the worker's JIT and connections are not counted against the first uploads.
        foreach (var path in new[] { IngestPath.Api, IngestPath.DirectBlob })
        {
            foreach (var article in ArticleGenerator.Generate(WarmUpUploads, ArticleGenerator.Seed + 2, path.SlugPrefix + "warm-up-"))
            {
                var outcome = await probe.MeasureAsync(path, article, new LatencyRecorder(), cancellationToken);
                if (outcome.Status != OperationStatus.Succeeded)
                {
                    Console.WriteLine($"The warm-up failed: {outcome.Error}");
                    return new BenchmarkOutcome(ExitFailed, []);
                }
            }
        }

        var results = new List<(IngestPath Path, LoadResult Result)>();
        foreach (var path in new[] { IngestPath.Api, IngestPath.DirectBlob })
        {
            Console.WriteLine(Invariant($"{path.Name}: {options.Uploads} uploads, one a second, each timed from {path.From} to the page's first 200..."));
            var result = await RunPathAsync(probe, path, ArticleGenerator.Generate(options.Uploads, ArticleGenerator.Seed + 3, path.SlugPrefix), cancellationToken);
            Console.WriteLine(Invariant($"  {result.Succeeded} served, {result.Failed} failed; p50 {Ms(result.Latency.P50)}, p95 {Ms(result.Latency.P95)}, p99 {Ms(result.Latency.P99)}, max {Ms(result.Latency.Max)}"));
            if (result.FirstError is { } error)
            {
                Console.WriteLine($"  first error: {error}");
            }

            results.Add((path, result));
        }

        Console.WriteLine();
        Console.WriteLine("| Path | uploads | served | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
        foreach (var (path, result) in results)
        {
            Console.WriteLine(Invariant($"| {path.Name}, from {path.From} to the page served | {options.Uploads} | {result.Succeeded} | {Ms(result.Latency.P50)} | {Ms(result.Latency.P95)} | {Ms(result.Latency.P99)} | {Ms(result.Latency.Max)} |"));
        }

        Console.WriteLine();
        var chart = PercentileChart.Write(
            ChartFile.For("ingest-latency.svg", options.Quick),
            $"Upload to page served, one upload a second ({RunEnvironment.LoadAverage()})",
            [.. results.Select(r => new ChartSeries(Invariant($"{r.Path.Name}: {r.Result.Succeeded} uploads, p50 {Ms(r.Result.Latency.P50)} ms, p99 {Ms(r.Result.Latency.P99)} ms"), r.Result.Latency.Samples))],
            [new ChartMarker(MaxP50, "goal p50 150 ms"), new ChartMarker(MaxP99, "goal p99 500 ms")]);
        Console.WriteLine($"Latency chart: {chart}");

        var goals = results.SelectMany(r => Goals(r.Path, r.Result, options.Uploads)).ToList();
        Console.WriteLine(GoalTable.Markdown(goals));
        return new BenchmarkOutcome(results.All(r => r.Result.Failed == 0) ? BenchmarkOutcome.Succeeded : ExitFailed, goals);
    }

    /// <summary>
    /// An open loop: upload i starts i seconds after the first, whether or not the earlier ones are served yet, as
    /// editors' uploads would. Every probe is waited for.
    /// </summary>
    private static async Task<LoadResult> RunPathAsync(IngestProbe probe, IngestPath path, IReadOnlyList<GeneratedArticle> articles, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var tallies = new List<Task<WorkerTally>>();
        for (var i = 0; i < articles.Count; i++)
        {
            var due = (UploadInterval * i) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            var article = articles[i];
            tallies.Add(Task.Run(
                async () =>
                {
                    var tally = new WorkerTally();
                    await tally.RunAsync(() => probe.MeasureAsync(path, article, tally.Latencies, cancellationToken));
                    return tally;
                },
                CancellationToken.None));
        }

        var done = await Task.WhenAll(tallies);
        return WorkerTally.Summarize(1, Stopwatch.GetElapsedTime(start), done);
    }

    private static IEnumerable<GoalResult> Goals(IngestPath path, LoadResult result, int uploads)
    {
        var subject = $"ingest: {path.Name}, from {path.From} to the page served";
        if (result.Succeeded == 0)
        {
            yield return GoalResult.NotMeasured($"{subject}, p50", Invariant($"<= {MaxP50.TotalMilliseconds:0} ms"));
            yield return GoalResult.NotMeasured($"{subject}, p99", Invariant($"<= {MaxP99.TotalMilliseconds:0} ms"));
            yield break;
        }

        // An upload whose page never came counts against the goal: it is not silently left out of the percentiles.
        var allServed = result.Failed == 0;
        var p50 = GoalResult.ForBound($"{subject}, p50 ({uploads} uploads)", result.Latency.P50.TotalMilliseconds, MaxP50.TotalMilliseconds, "ms", atMost: true, "0.0");
        var p99 = GoalResult.ForBound($"{subject}, p99 ({uploads} uploads)", result.Latency.P99.TotalMilliseconds, MaxP99.TotalMilliseconds, "ms", atMost: true, "0.0");
        yield return allServed ? p50 : p50 with { Verdict = GoalVerdict.Miss, Measured = p50.Measured + Invariant($" ({result.Failed} never served)") };
        yield return allServed ? p99 : p99 with { Verdict = GoalVerdict.Miss, Measured = p99.Measured + Invariant($" ({result.Failed} never served)") };
    }

    private static string Ms(TimeSpan time) => Invariant($"{time.TotalMilliseconds:0.0}");
}
