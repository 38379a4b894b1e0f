using ContentPipeline.Benchmarks.Bulk;
using ContentPipeline.Benchmarks.Ingest;
using ContentPipeline.Benchmarks.Memory;
using ContentPipeline.Benchmarks.Render;
using ContentPipeline.Benchmarks.Start;
using ContentPipeline.Benchmarks.Views;

namespace ContentPipeline.Benchmarks;

/// <summary>Every benchmark, in the order <c>all</c> runs them; add new ones here.</summary>
internal static class BenchmarkList
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new RenderBenchmark(),
        new ViewsBenchmark(),
        new IngestBenchmark(),
        new BulkBenchmark(),
        new StartBenchmark(),
        new MemoryBenchmark(),
    ];
}
