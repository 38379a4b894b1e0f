using ContentPipeline.Benchmarks.Hosting;

namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>
/// Where a benchmark writes its charts: a full run into the repository's <c>docs/</c>, where
/// <c>docs/benchmarks.md</c> shows them; a <c>--quick</c> run into the temporary folder, so a smoke run in CI or a
/// test never overwrites the recorded charts with figures of no weight.
/// </summary>
internal static class ChartFile
{
    public static string For(string fileName, bool quick) =>
        quick
            ? Path.Combine(Path.GetTempPath(), "contentpipeline-bench", fileName)
            : Path.Combine(RepositoryLayout.Root(), "docs", fileName);
}
