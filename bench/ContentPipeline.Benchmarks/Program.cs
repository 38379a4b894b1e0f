using ContentPipeline.Benchmarks;
using ContentPipeline.Benchmarks.Parsing;

// parse prints figures for the hardening report and has no goal, so `all` leaves it out.
return await BenchmarkCommand.RunAsync(args, [.. BenchmarkList.All, new ParseBenchmark(), new AllBenchmark(BenchmarkList.All)]);
