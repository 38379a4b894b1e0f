using Microsoft.Extensions.Logging;

namespace ContentPipeline.Benchmarks.Hosting;

/// <summary>The host's log on the console, warnings and errors only, so the figures stay readable.</summary>
internal static class BenchLogging
{
    public static ILoggerFactory Create() => LoggerFactory.Create(logging => logging
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        })
        .SetMinimumLevel(LogLevel.Warning));
}
