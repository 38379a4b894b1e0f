using ContentPipeline.Benchmarks;
using ContentPipeline.Benchmarks.Bulk;
using ContentPipeline.Benchmarks.Ingest;
using ContentPipeline.Benchmarks.Memory;
using ContentPipeline.Benchmarks.Render;
using ContentPipeline.Benchmarks.Start;
using ContentPipeline.Benchmarks.Views;

// Each benchmark is a subcommand; add new ones to this list.
IBenchmark[] benchmarks =
[
    new RenderBenchmark(),
    new ViewsBenchmark(),
    new IngestBenchmark(),
    new BulkBenchmark(),
    new StartBenchmark(),
    new MemoryBenchmark(),
];

return await BenchmarkCommand.RunAsync(args, [.. benchmarks, new AllBenchmark(benchmarks)]);
