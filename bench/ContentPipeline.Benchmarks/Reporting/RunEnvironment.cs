using System.Runtime.InteropServices;
using ContentPipeline.Benchmarks.Hosting;

namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>What every benchmark prints before it starts, so that its figures can be placed: runtime, machine, build, load.</summary>
internal static class RunEnvironment
{
    /// <summary>The load average, short, for chart titles and goal tables (empty where the OS does not publish it).</summary>
    public static string LoadAverage() => MachineLoad.Averages() is { } load ? $"load average {load}" : "";

    public static void Print()
    {
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical CPUs, {RepositoryLayout.Configuration} build");
        if (MachineLoad.Describe() is { } load)
        {
            Console.WriteLine(load);
        }

        if (!string.Equals(RepositoryLayout.Configuration, "Release", StringComparison.Ordinal))
        {
            Console.WriteLine("Warning: not a Release build; the figures understate the app. Run with -c Release.");
        }
    }
}
