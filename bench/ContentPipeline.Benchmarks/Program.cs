using ContentPipeline.Benchmarks;
using ContentPipeline.Benchmarks.Bulk;
using ContentPipeline.Benchmarks.Parsing;
using ContentPipeline.Benchmarks.Views;

// Each benchmark is a subcommand; add new ones (render, ingest, …) to this list.
IBenchmark[] benchmarks =
[
    new ViewsBenchmark(),
    new BulkBenchmark(),
    new ParseBenchmark(),
];

return await BenchmarkCommand.RunAsync(args, benchmarks);
