namespace ContentPipeline.Benchmarks;

/// <summary>Picks the benchmark named by the first argument, reads the options, and stops cleanly on Ctrl+C.</summary>
internal static class BenchmarkCommand
{
    private const int UsageExitCode = 2;
    private const int InterruptedExitCode = 130;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IReadOnlyList<IBenchmark> benchmarks)
    {
        var benchmark = args.Count > 0 ? benchmarks.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase)) : null;
        if (benchmark is null)
        {
            Console.Error.WriteLine(Usage(benchmarks, args.Count > 0 && args[0] is not ("--help" or "-h") ? $"Unknown benchmark '{args[0]}'." : null));
            return UsageExitCode;
        }

        var (options, error) = BenchmarkOptions.Parse(args.Skip(1).ToList());
        if (options is null)
        {
            Console.Error.WriteLine(Usage(benchmarks, error));
            return UsageExitCode;
        }

        // An option the benchmark would silently ignore (bulk --duration 30) is refused, so no run measures something else than meant.
        if (options.Given.FirstOrDefault(o => !benchmark.Options.Contains(o)) is { } foreign)
        {
            Console.Error.WriteLine(Usage(benchmarks, $"{foreign} does not apply to {benchmark.Name}."));
            return UsageExitCode;
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Stop the load and shut the host down (which stops Azurite and the worker) instead of dying mid-run.
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return (await benchmark.RunAsync(options, stop.Token)).ExitCode;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return InterruptedExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static string Usage(IReadOnlyList<IBenchmark> benchmarks, string? error)
    {
        var lines = new List<string>();
        if (error is not null)
        {
            lines.Add(error);
            lines.Add("");
        }

        lines.Add("Usage: dotnet run -c Release --project bench/ContentPipeline.Benchmarks -- <benchmark> [options]");
        lines.Add("");
        lines.Add("Benchmarks:");
        lines.AddRange(benchmarks.Select(b => $"  {b.Name,-22} {b.Summary}"));
        lines.Add("");
        lines.Add(BenchmarkOptions.Usage);
        return string.Join(Environment.NewLine, lines);
    }
}
