using System.Globalization;

namespace ContentPipeline.Benchmarks;

/// <summary>
/// The options of every benchmark, parsed once. <c>--quick</c> applies to all of them; each other option belongs to
/// the benchmarks that list it in <see cref="IBenchmark.Options"/>, and the rest refuse it.
/// </summary>
internal sealed class BenchmarkOptions
{
    public const string QuickOption = "--quick";
    public const string DurationOption = "--duration";
    public const string ArticlesOption = "--articles";
    public const string ConcurrencyOption = "--concurrency";
    public const string TimeoutOption = "--timeout";
    public const string UploadsOption = "--uploads";
    public const string RunsOption = "--runs";

    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan QuickDuration = TimeSpan.FromSeconds(1);

    public const int DefaultArticles = 1_000;
    public const int QuickArticles = 100;

    // Well under the 50,000 URLs past which the sitemap becomes an index of parts, which the bulk checks do not read.
    public const int MaxArticles = 20_000;
    public const int DefaultUploadConcurrency = 16;
    public const int MaxUploadConcurrency = 256;
    public static readonly TimeSpan DefaultConvergenceTimeout = TimeSpan.FromSeconds(300);

    public const int DefaultUploads = 60;
    public const int QuickUploads = 5;
    public const int MaxUploads = 3_600;
    public const int DefaultRuns = 5;
    public const int QuickRuns = 1;
    public const int MaxRuns = 50;

    private static readonly int[] FullConcurrencies = [1, 8, 64];
    private static readonly int[] QuickConcurrencies = [1, 8];

    /// <summary>How long each scenario runs its load, not counting set-up and checks (views).</summary>
    public TimeSpan Duration { get; private init; } = DefaultDuration;

    /// <summary>A short run that only checks that everything still works (CI): short scenarios, low concurrency, few articles.</summary>
    public bool Quick { get; private init; }

    /// <summary>The numbers of concurrent closed-loop workers each scenario is run with (views).</summary>
    public IReadOnlyList<int> Concurrencies => Quick ? QuickConcurrencies : FullConcurrencies;

    /// <summary>How many articles to upload (bulk).</summary>
    public int Articles { get; private init; } = DefaultArticles;

    /// <summary>Uploads in flight at once (bulk).</summary>
    public int UploadConcurrency { get; private init; } = DefaultUploadConcurrency;

    /// <summary>How long after the first upload the site must have converged (bulk).</summary>
    public TimeSpan ConvergenceTimeout { get; private init; } = DefaultConvergenceTimeout;

    /// <summary>How many uploads, one a second, each way (ingest).</summary>
    public int Uploads { get; private init; } = DefaultUploads;

    /// <summary>How many times the run command is started (start).</summary>
    public int Runs { get; private init; } = DefaultRuns;

    /// <summary>The options given on the command line other than <c>--quick</c>, e.g. <c>--duration</c>.</summary>
    public IReadOnlySet<string> Given { get; private init; } = new HashSet<string>(StringComparer.Ordinal);

    public static string Usage => """
        Options:
          --quick                  A smoke run for CI: render a few invocations; views 1 s per scenario at
                                   concurrency 1 and 8 only; ingest 5 uploads each way; bulk 100 articles;
                                   start 1 run; memory as usual.
          --duration <seconds>     views: load time of each scenario (default 10; 1 with --quick).
          --articles <n>           bulk: articles to upload, 1 to 20000 (default 1000; 100 with --quick).
          --concurrency <n>        bulk: uploads in flight at once, 1 to 256 (default 16).
          --timeout <seconds>      bulk: how long after the first upload the site must have converged (default 300).
          --uploads <n>            ingest: uploads each way (PUT, direct blob write), one a second, 1 to 3600
                                   (default 60; 5 with --quick).
          --runs <n>               start: times the run command is started, 1 to 50 (default 5; 1 with --quick).
        """;

    /// <summary>Reads the options after the subcommand; returns an error message for bad input.</summary>
    public static (BenchmarkOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = false;
        TimeSpan? duration = null;
        int? articles = null;
        int? uploads = null;
        int? runs = null;
        var concurrency = DefaultUploadConcurrency;
        var timeout = DefaultConvergenceTimeout;
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option == QuickOption)
            {
                quick = true;
                continue;
            }

            if (option is not (DurationOption or ArticlesOption or ConcurrencyOption or TimeoutOption or UploadsOption or RunsOption))
            {
                return (null, $"Unknown option '{option}'.");
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{option} needs a value.");
            }

            var value = args[++i];
            given.Add(option);
            string? error = null;
            switch (option)
            {
                case DurationOption:
                    error = TryParseSeconds(option, value, 3600, out var seconds);
                    duration = seconds;
                    break;
                case ArticlesOption:
                    error = TryParseCount(option, value, MaxArticles, out var count);
                    articles = count;
                    break;
                case ConcurrencyOption:
                    error = TryParseCount(option, value, MaxUploadConcurrency, out concurrency);
                    break;
                case TimeoutOption:
                    error = TryParseSeconds(option, value, 3600, out timeout);
                    break;
                case UploadsOption:
                    error = TryParseCount(option, value, MaxUploads, out var uploadCount);
                    uploads = uploadCount;
                    break;
                case RunsOption:
                    error = TryParseCount(option, value, MaxRuns, out var runCount);
                    runs = runCount;
                    break;
            }

            if (error is not null)
            {
                return (null, error);
            }
        }

        return (new BenchmarkOptions
        {
            Quick = quick,
            Duration = duration ?? (quick ? QuickDuration : DefaultDuration),
            Articles = articles ?? (quick ? QuickArticles : DefaultArticles),
            UploadConcurrency = concurrency,
            ConvergenceTimeout = timeout,
            Uploads = uploads ?? (quick ? QuickUploads : DefaultUploads),
            Runs = runs ?? (quick ? QuickRuns : DefaultRuns),
            Given = given,
        }, null);
    }

    private static string? TryParseSeconds(string option, string text, int max, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > max)
        {
            return $"{option} '{text}' is not a number of seconds between 0 and {max}.";
        }

        value = TimeSpan.FromSeconds(seconds);
        return null;
    }

    private static string? TryParseCount(string option, string text, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max
            ? null
            : $"{option} '{text}' is not a whole number from 1 to {max}.";
}
