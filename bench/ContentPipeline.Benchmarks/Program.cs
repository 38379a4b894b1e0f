using ContentPipeline.Benchmarks;
using ContentPipeline.Benchmarks.Views;

// Each benchmark is a subcommand; add new ones (render, ingest, bulk, …) to this list.
IBenchmark[] benchmarks =
[
    new ViewsBenchmark(),
];

return await BenchmarkCommand.RunAsync(args, benchmarks);
