using System.Globalization;

namespace ContentPipeline.Benchmarks;

/// <summary>The options every benchmark understands.</summary>
internal sealed class BenchmarkOptions
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan QuickDuration = TimeSpan.FromSeconds(1);

    private static readonly int[] FullConcurrencies = [1, 8, 64];
    private static readonly int[] QuickConcurrencies = [1, 8];

    /// <summary>How long each scenario runs its load, not counting set-up and checks.</summary>
    public TimeSpan Duration { get; private init; } = DefaultDuration;

    /// <summary>A short run that only checks that everything still works (CI): short scenarios, low concurrency.</summary>
    public bool Quick { get; private init; }

    /// <summary>The numbers of concurrent closed-loop workers each scenario is run with.</summary>
    public IReadOnlyList<int> Concurrencies => Quick ? QuickConcurrencies : FullConcurrencies;

    public static string Usage => """
        Options:
          --duration <seconds>   Load time of each scenario (default 10; 1 with --quick).
          --quick                A smoke run for CI: 1 s per scenario, concurrency 1 and 8 only.
        """;

    /// <summary>Reads the options after the subcommand; returns an error message for bad input.</summary>
    public static (BenchmarkOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = false;
        TimeSpan? duration = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--duration" when i + 1 < args.Count:
                    if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
                    {
                        return (null, $"--duration '{args[i]}' is not a number of seconds between 0 and 3600.");
                    }

                    duration = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    return (null, $"Unknown option '{args[i]}'.");
            }
        }

        return (new BenchmarkOptions { Quick = quick, Duration = duration ?? (quick ? QuickDuration : DefaultDuration) }, null);
    }
}
