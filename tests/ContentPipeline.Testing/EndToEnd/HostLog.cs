using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ContentPipeline.Testing.EndToEnd;

/// <summary>
/// The log of a host that outlives single tests: every line goes to the output of whichever test is running
/// (xunit runs the tests of one collection one at a time) and is kept, so a test can ask what the host said.
/// </summary>
internal sealed class HostLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private volatile ITestOutputHelper? _output;

    public ILoggerFactory CreateFactory(LogLevel minimumLevel = LogLevel.Debug) =>
        LoggerFactory.Create(logging => logging
            .SetMinimumLevel(minimumLevel)

            // Kestrel and YARP log every request at Information and Debug; the host's own lines say what matters.
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Yarp", LogLevel.Warning)
            .AddProvider(this));

    /// <summary>Sends the lines from now on to <paramref name="output"/> (null: only keep them).</summary>
    public void WriteTo(ITestOutputHelper? output) => _output = output;

    /// <summary>Every line logged so far that contains all of <paramref name="fragments"/>.</summary>
    public IReadOnlyList<string> Lines(params string[] fragments) =>
        _lines.Where(line => fragments.All(fragment => line.Contains(fragment, StringComparison.Ordinal))).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        _lines.Enqueue(line);
        try
        {
            _output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // That test is over; the line is still kept.
        }
    }

    private sealed class Logger(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{DateTime.Now:HH:mm:ss.fff} [{logLevel}] {category}: {formatter(state, exception)}";
            if (exception is not null)
            {
                line += Environment.NewLine + exception;
            }

            log.Write(line);
        }
    }
}
