using System.Diagnostics;
using System.Globalization;
using ContentPipeline.Benchmarks.Reporting;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;

namespace ContentPipeline.Benchmarks.Parsing;

/// <summary>
/// <c>parse</c>: how long the article parser takes on hostile sources of the upload limit's size, in this process
/// (no host, no storage). Each source is parsed once to warm up, then three times; the median is printed with the
/// process CPU time of that run and whether the source rendered or failed, and with which message.
/// </summary>
internal sealed class ParseBenchmark : IBenchmark
{
    private const int FullSize = 1024 * 1024;
    private const int QuickSize = 64 * 1024;
    private const int Runs = 3;

    public string Name => "parse";

    public string Summary => "The article parser on hostile sources of the upload limit's size (1 MiB; 64 KiB with --quick).";

    public IReadOnlyList<string> Options => [];

    public Task<BenchmarkOutcome> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        RunEnvironment.Print();
        var parser = new ArticleParser();
        Console.WriteLine();
        Console.WriteLine("| Source | Bytes | Median ms | CPU ms | Outcome |");
        Console.WriteLine("|---|--:|--:|--:|---|");
        foreach (var source in HostileSources.All(options.Quick ? QuickSize : FullSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var article = new ArticleSource(source.Content, source.Format, "bench.md");
            var result = parser.Parse(article);
            var times = new List<(TimeSpan Wall, TimeSpan Cpu)>();
            for (var run = 0; run < Runs; run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                result = parser.Parse(article);
                times.Add((wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu));
            }

            var median = times.OrderBy(t => t.Wall).ElementAt(Runs / 2);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {source.Name} | {source.Content.Length:N0} | {median.Wall.TotalMilliseconds:F0} | {median.Cpu.TotalMilliseconds:F0} | {Outcome(result)} |"));
        }

        // Figures only: the parser's time on hostile input has no goal of its own in the performance issue.
        return Task.FromResult(new BenchmarkOutcome(BenchmarkOutcome.Succeeded, []));
    }

    private static string Outcome(ArticleParseResult result) =>
        result.IsSuccess ? "renders" : "fails: " + Shorten(result.Error.ToString());

    private static string Shorten(string message) => message.Length <= 90 ? message : message[..89] + "…";
}
