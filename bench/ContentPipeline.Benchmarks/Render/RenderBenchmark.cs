using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ContentPipeline.Benchmarks.Reporting;
using static System.FormattableString;

namespace ContentPipeline.Benchmarks.Render;

/// <summary>
/// Goal 1 of the performance issue: turning a source into its finished page costs at most 2× raw
/// <c>Markdown.ToHtml</c> of the same text with the same extensions, for a 6 KB prose article and a 50 KB mixed
/// document. Measured with BenchmarkDotNet, in this process (no separate build per benchmark), both sides in one run.
/// </summary>
internal sealed class RenderBenchmark : IBenchmark
{
    private const double MaxTimesMarkdig = 2;
    private const int ExitNotMeasured = 1;

    public string Name => "render";

    public string Summary => "Source to finished page vs raw Markdown.ToHtml (BenchmarkDotNet, in-process).";

    public IReadOnlyList<string> Options { get; } = [];

    public Task<BenchmarkOutcome> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Console.WriteLine($"render benchmark: BenchmarkDotNet, in-process{(options.Quick ? " (quick: a few invocations, figures of no weight)" : "")}");
        RunEnvironment.Print();
        var folder = Path.Combine(Path.GetTempPath(), "contentpipeline-bench");
        Directory.CreateDirectory(folder);
        foreach (var document in RenderDocuments.All)
        {
            // Written out so that a reader can see what was measured.
            var path = Path.Combine(folder, document.Name + ".md");
            File.WriteAllBytes(path, document.Bytes);
            Console.WriteLine(Invariant($"  {document.Name}: {document.Bytes.Length / 1024.0:0.0} KiB of Markdown, written to {path}"));
        }

        // BenchmarkDotNet runs synchronously and cannot be cancelled; a Ctrl+C stops the process after it.
        var summary = BenchmarkRunner.Run<RenderComparison>(Config(options.Quick));
        cancellationToken.ThrowIfCancellationRequested();
        MarkdownExporter.Console.ExportToLog(summary, ConsoleLogger.Default);
        foreach (var error in summary.ValidationErrors.Where(e => e.IsCritical))
        {
            Console.WriteLine($"BenchmarkDotNet: {error.Message}");
        }

        var goals = RenderDocuments.All.Select(d => Goal(summary, d)).ToList();
        Console.WriteLine(Breakdown(summary));
        Console.WriteLine(GoalTable.Markdown(goals));
        return Task.FromResult(new BenchmarkOutcome(goals.All(g => g.Verdict != GoalVerdict.NotMeasured) ? BenchmarkOutcome.Succeeded : ExitNotMeasured, goals));
    }

    private static ManualConfig Config(bool quick)
    {
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
        job = quick
            ? job.WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(4).WithUnrollFactor(1).WithId("quick")
            : job.WithWarmupCount(3).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("render");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(NullLogger.Instance)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "contentpipeline-bench", "BenchmarkDotNet.Artifacts"))
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Microsecond))
            .WithOptions(ConfigOptions.DisableLogFile);

        // A quick run is a smoke test (CI runs it from a Debug test build); its figures are not read as results.
        return quick ? config.WithOptions(ConfigOptions.DisableOptimizationsValidator) : config;
    }

    private static double? MeanNanoseconds(Summary summary, string method, string document) =>
        summary.Reports.FirstOrDefault(r =>
                r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
                && Equals(r.BenchmarkCase.Parameters["Document"], document))
            ?.ResultStatistics?.Mean;

    private static GoalResult Goal(Summary summary, RenderDocument document)
    {
        var goal = $"render: source to page / raw Markdown.ToHtml, {document.Name}";
        var target = Invariant($"<= {MaxTimesMarkdig:0}x");
        return MeanNanoseconds(summary, RenderComparison.Ours, document.Name) is { } ours
            && MeanNanoseconds(summary, RenderComparison.Baseline, document.Name) is { } baseline and > 0
            ? GoalResult.ForRatio(goal, Microseconds(ours), Microseconds(baseline), ours / baseline, MaxTimesMarkdig, atMost: true)
            : GoalResult.NotMeasured(goal, target);
    }

    /// <summary>Where the time of the page path goes: every benchmark against the baseline, per document.</summary>
    private static string Breakdown(Summary summary)
    {
        (string Method, string What)[] rows =
        [
            (RenderComparison.Baseline, "raw Markdown.ToHtml (baseline)"),
            (RenderComparison.Ours, "source to page (the goal's figure)"),
            (nameof(RenderComparison.ParseOnly), "  parse: bytes to Article"),
            (nameof(RenderComparison.MarkdigSafeRenderer), "    of which Markdig parse + safe renderer"),
            (nameof(RenderComparison.FrontMatterOnly), "    of which YAML front matter"),
            (nameof(RenderComparison.LayoutOnly), "  layout: Article to page"),
            (nameof(RenderComparison.PageBytesAndHash), "    of which page bytes + SHA-256"),
        ];
        var markdown = new StringBuilder();
        markdown.AppendLine("Where the time goes (mean, and its ratio to raw Markdown.ToHtml of the same document):").AppendLine();
        markdown.AppendLine("| Step | " + string.Join(" | ", RenderDocuments.All.Select(d => d.Name)) + " |");
        markdown.AppendLine("|---|" + string.Concat(RenderDocuments.All.Select(_ => "--:|")));
        foreach (var (method, what) in rows)
        {
            var cells = RenderDocuments.All.Select(document =>
            {
                var baseline = MeanNanoseconds(summary, RenderComparison.Baseline, document.Name);
                return MeanNanoseconds(summary, method, document.Name) is { } mean
                    ? Microseconds(mean) + (baseline is > 0 ? Invariant($" ({mean / baseline.Value:0.00}x)") : "")
                    : "-";
            });
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {string.Join(" | ", cells)} |");
        }

        return markdown.ToString();
    }

    private static string Microseconds(double nanoseconds) => (nanoseconds / 1000).ToString("0.0 'µs'", CultureInfo.InvariantCulture);
}
