namespace ContentPipeline.Benchmarks;

/// <summary>One subcommand of the benchmark app: it measures something and prints figures.</summary>
internal interface IBenchmark
{
    /// <summary>The subcommand, e.g. <c>views</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>The options it reads besides <c>--quick</c> (see <see cref="BenchmarkOptions"/>); it refuses the others.</summary>
    IReadOnlyList<string> Options { get; }

    /// <summary>Runs the benchmark and prints its results; returns the exit code and the goals it read.</summary>
    Task<BenchmarkOutcome> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken = default);
}
