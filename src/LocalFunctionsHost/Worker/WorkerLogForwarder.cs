using LocalFunctionsHost.Rpc;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// Writes the worker's <see cref="RpcLog"/> messages to the host's logging: under the worker's own
/// category, at the same level, with the function and invocation they belong to in scope.
/// </summary>
internal static partial class WorkerLogForwarder
{
    private const string FallbackCategory = "Worker";

    public static void Forward(ILoggerFactory loggerFactory, RpcLog log, string? functionName)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(log);

        // Custom metrics are telemetry, not log lines.
        if (log.LogCategory == RpcLog.Types.RpcLogCategory.CustomMetric || log.Level == RpcLog.Types.Level.None)
        {
            return;
        }

        var level = ToLogLevel(log.Level);
        var logger = loggerFactory.CreateLogger(string.IsNullOrEmpty(log.Category) ? FallbackCategory : log.Category);
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var exception = log.Exception is null ? null : WorkerReportedException.From(log.Exception);
        if (string.IsNullOrEmpty(log.InvocationId) && functionName is null)
        {
            LogWorkerMessage(logger, level, exception, log.Message);
            return;
        }

        using (logger.BeginScope(new Dictionary<string, object?>
        {
            ["FunctionName"] = functionName,
            ["InvocationId"] = string.IsNullOrEmpty(log.InvocationId) ? null : log.InvocationId,
        }))
        {
            LogWorkerMessage(logger, level, exception, log.Message);
        }
    }

    /// <summary>RpcLog's levels are ILogger's, in the same order.</summary>
    public static LogLevel ToLogLevel(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace => LogLevel.Trace,
        RpcLog.Types.Level.Debug => LogLevel.Debug,
        RpcLog.Types.Level.Information => LogLevel.Information,
        RpcLog.Types.Level.Warning => LogLevel.Warning,
        RpcLog.Types.Level.Error => LogLevel.Error,
        RpcLog.Types.Level.Critical => LogLevel.Critical,
        _ => LogLevel.None,
    };

    [LoggerMessage(Message = "{WorkerMessage}")]
    private static partial void LogWorkerMessage(ILogger logger, LogLevel level, Exception? exception, string workerMessage);
}
