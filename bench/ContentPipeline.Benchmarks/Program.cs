using ContentPipeline.Benchmarks;

return await BenchmarkCommand.RunAsync(args, [.. BenchmarkList.All, new AllBenchmark(BenchmarkList.All)]);
