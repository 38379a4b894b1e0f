using ContentPipeline.Benchmarks.Hosting;
using ContentPipeline.Benchmarks.Load;
using ContentPipeline.Benchmarks.Reporting;
using static System.FormattableString;

namespace ContentPipeline.Benchmarks.Start;

/// <summary>
/// Goal 5 of the performance issue: on a built tree, the README's run command is ready to serve (the API answers a
/// request and the site answers) within 5 s, Azurite's start included. Starts the command several times in a row from
/// the repository root and stops it with Ctrl+C each time; the same for the command without its build checks and for the
/// built host alone, to show where the time goes.
/// </summary>
internal sealed class StartBenchmark : IBenchmark
{
    /// <summary>The configuration a plain <c>dotnet build</c> (and so the README's command) builds.</summary>
    public const string UserConfiguration = "Debug";

    private const int ExitFailed = 1;
    private static readonly TimeSpan MaxReady = TimeSpan.FromSeconds(5);

    public string Name => "start";

    public string Summary => "Time from the README's run command (and two shorter ways) to the API and the site answering.";

    public IReadOnlyList<string> Options { get; } = [BenchmarkOptions.RunsOption];

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Console.WriteLine(Invariant($"start benchmark: {options.Runs} runs of each command, from the repository root, {(options.Quick ? $"the {RepositoryLayout.Configuration} host only (quick)" : $"{UserConfiguration} build as `dotnet build` leaves it")}"));
        RunEnvironment.Print();
        var root = RepositoryLayout.Root();
        // A quick run starts the host this benchmark's build built (no build of its own, so it takes seconds).
        StartCommand[] commands = options.Quick
            ? [StartCommand.BuiltHost(RepositoryLayout.Configuration)]
            : [StartCommand.Readme, StartCommand.NoBuild, StartCommand.BuiltHost(UserConfiguration)];

        if (!options.Quick)
        {
            // "On a built tree": one untimed run builds whatever is stale, as a user's first run would.
            Console.WriteLine("Making sure the tree is built: one untimed run of the README command...");
            var (_, failure) = await StartRun.MeasureAsync(StartCommand.Readme, root, cancellationToken);
            if (failure is not null)
            {
                Console.WriteLine($"The README command did not start: {failure}");
                return new BenchmarkOutcome(ExitFailed, []);
            }
        }

        var results = new List<(StartCommand Command, LatencySummary Ready, string? Failure)>();
        foreach (var command in commands)
        {
            var times = new List<TimeSpan>();
            string? failure = null;
            for (var run = 1; run <= options.Runs && failure is null; run++)
            {
                var (ready, error) = await StartRun.MeasureAsync(command, root, cancellationToken);
                Console.WriteLine(ready is { } time ? Invariant($"  {command}: run {run}: ready in {time.TotalSeconds:0.00} s") : $"  {command}: run {run}: {error}");
                if (ready is { } t)
                {
                    times.Add(t);
                }

                failure = error;
            }

            times.Sort();
            results.Add((command, LatencySummary.Of(times), failure));
        }

        Console.WriteLine();
        Console.WriteLine("| Command | runs | median s | max s |");
        Console.WriteLine("|---|--:|--:|--:|");
        foreach (var (command, ready, failure) in results)
        {
            Console.WriteLine(Invariant($"| `{command}` | {ready.Samples.Count}{(failure is null ? "" : " (then failed)")} | {ready.P50.TotalSeconds:0.00} | {ready.Max.TotalSeconds:0.00} |"));
        }

        Console.WriteLine();
        var goals = results.Select(r => Goal(r.Command, r.Ready)).ToList();
        Console.WriteLine(GoalTable.Markdown(goals));
        return new BenchmarkOutcome(results.All(r => r.Failure is null) ? BenchmarkOutcome.Succeeded : ExitFailed, goals);
    }

    private static GoalResult Goal(StartCommand command, LatencySummary ready)
    {
        var goal = command == StartCommand.Readme ? $"start: the README command `{command}` ready (worst run)" : $"context: start: `{command}` ready (worst run)";
        if (ready.Samples.Count == 0)
        {
            return GoalResult.NotMeasured(goal, Invariant($"<= {MaxReady.TotalSeconds:0} s"));
        }

        var result = GoalResult.ForBound(goal, ready.Max.TotalSeconds, MaxReady.TotalSeconds, "s", atMost: true, "0.00")
            with { Measured = Invariant($"{ready.Max.TotalSeconds:0.00} s (median {ready.P50.TotalSeconds:0.00} s)") };
        return command == StartCommand.Readme ? result : result with { Verdict = GoalVerdict.Context };
    }
}
