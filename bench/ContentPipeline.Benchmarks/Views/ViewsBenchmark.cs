using System.Globalization;
using Azure.Data.Tables;
using ContentPipeline.Benchmarks.Hosting;
using ContentPipeline.Benchmarks.Reporting;

namespace ContentPipeline.Benchmarks.Views;

/// <summary>
/// The view counter (<c>POST /api/views/{slug}</c>) through the real local host, against Table Storage counters
/// measured in the same run on the same Azurite, and the performance goals read from both.
/// </summary>
internal sealed class ViewsBenchmark : IBenchmark
{
    private const int ExitEndpointNotMeasured = 1;
    private const int WarmUpConcurrency = 8;
    private const string WorkerName = "function app worker (dotnet)";

    public string Name => "views";

    public string Summary => "POST /api/views/{slug} vs ETag, sharded, blind and insert-only Table counters.";

    public IReadOnlyList<string> Options { get; } = [BenchmarkOptions.DurationOption];

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        PrintSetting(options);
        var warmUp = options.Quick ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(2);

        using var loggerFactory = BenchLogging.Create();
        Console.WriteLine("Starting the local host (Azurite in memory, the function app's worker)...");
        await using var host = await InProcessLocalHost.StartAsync(RepositoryLayout.FunctionsOutput(), RepositoryLayout.Root(), loggerFactory, cancellationToken);
        using var api = new ViewsApi(host.ApiUri);
        var endpoint = new ViewsEndpointScenarios(api);
        Console.WriteLine($"Publishing {ViewsEndpointScenarios.ManySlugCount + 1} articles...");
        await endpoint.PublishArticlesAsync(cancellationToken);
        var endpointProblem = await endpoint.ProbeAsync(cancellationToken);
        if (endpointProblem is not null)
        {
            Console.WriteLine($"The endpoint scenarios will be skipped: {endpointProblem}");
        }

        // The worker's peak working set is over its whole life, so watching from here covers the whole run.
        using var usage = ProcessUsage.Start([(WorkerName, host.WorkerProcessId)]);
        Console.WriteLine();
        Console.WriteLine(ResultTable.ProgressHeader());
        var baselines = new TableCounterBaselines(new TableServiceClient(host.StorageConnectionString).GetTableClient(TableCounterBaselines.TableName));
        var baselineResults = await RunBaselinesAsync(baselines, options, warmUp, cancellationToken);
        var endpointResults = endpointProblem is null ? await RunEndpointAsync(endpoint, options, warmUp, cancellationToken) : [];

        var top = options.Concurrencies.Max();
        var hot = endpointResults.FirstOrDefault(r => r.Scenario == ViewsEndpointScenarios.All[0].Name && r.Load.Concurrency == top);
        Console.WriteLine();
        Console.WriteLine(ResultTable.Markdown([.. endpointResults, .. baselineResults]));
        ScenarioResult[] hotRuns = [.. endpointResults.Where(r => r.Scenario == ViewsEndpointScenarios.All[0].Name)];
        if (hotRuns.Length > 0)
        {
            var chart = PercentileChart.Write(
                ChartFile.For("views-latency.svg", options.Quick),
                $"POST /api/views, one hot article: latency by percentile ({RunEnvironment.LoadAverage()})",
                [.. hotRuns.Select(r => new ChartSeries($"c={r.Load.Concurrency}: {r.Load.Rate:0} views/s", r.Load.Latency.Samples))],
                [new ChartMarker(TimeSpan.FromMilliseconds(200), $"goal p99 at c={PerformanceGoals.GoalConcurrency}: 200 ms")]);
            Console.WriteLine($"Latency chart: {chart}");
        }

        IReadOnlyList<GoalResult> goals =
        [
            .. PerformanceGoals.Read(hot, endpointResults, baselineResults, top),
            MemoryGoals.WorkerPeak("views", usage.Stop(), WorkerName),
        ];
        Console.WriteLine(GoalTable.Markdown(goals, PerformanceGoals.Heading(top)));

        // Timings never fail the run; a missing endpoint or an inexact count does (it is a bug, not a slow machine).
        return new BenchmarkOutcome(endpointProblem is null && endpointResults.All(r => r.Exactness.IsExact) ? BenchmarkOutcome.Succeeded : ExitEndpointNotMeasured, goals);
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunBaselinesAsync(TableCounterBaselines baselines, BenchmarkOptions options, TimeSpan warmUp, CancellationToken cancellationToken)
    {
        await baselines.CreateTableAsync(cancellationToken);
        await baselines.RunAsync(CounterBaseline.EtagSingle, WarmUpConcurrency, warmUp, cancellationToken);
        var results = new List<ScenarioResult>();
        foreach (var baseline in CounterBaseline.All)
        {
            foreach (var concurrency in options.Concurrencies)
            {
                results.Add(Progress(await baselines.RunAsync(baseline, concurrency, options.Duration, cancellationToken)));
            }
        }

        return results;
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunEndpointAsync(ViewsEndpointScenarios endpoint, BenchmarkOptions options, TimeSpan warmUp, CancellationToken cancellationToken)
    {
        await endpoint.WarmUpAsync(WarmUpConcurrency, warmUp, cancellationToken);
        var results = new List<ScenarioResult>();
        foreach (var (name, slugs) in ViewsEndpointScenarios.All)
        {
            foreach (var concurrency in options.Concurrencies)
            {
                results.Add(Progress(await endpoint.RunAsync(name, slugs, concurrency, options.Duration, cancellationToken)));
            }
        }

        return results;
    }

    private static ScenarioResult Progress(ScenarioResult result)
    {
        Console.WriteLine(ResultTable.ProgressLine(result));
        if (result.Load.FirstError is { } error)
        {
            Console.WriteLine($"    first error: {error}");
        }

        return result;
    }

    private static void PrintSetting(BenchmarkOptions options)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"views benchmark: {options.Duration.TotalSeconds:0.#} s per scenario, concurrency {string.Join(", ", options.Concurrencies)}{(options.Quick ? " (quick)" : "")}"));
        RunEnvironment.Print();
    }
}
