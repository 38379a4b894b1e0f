using System.Diagnostics;
using ContentPipeline.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Functions.Hosting;

/// <summary>
/// Handles unexpected exceptions once for every function: HTTP callers get a 500 problem+json instead of a
/// bare failure; other triggers rethrow so the host's retry and poison rules apply.
/// </summary>
public sealed partial class UnhandledExceptionMiddleware(ILogger<UnhandledExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false } http && !http.RequestAborted.IsCancellationRequested)
        {
            var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
            LogUnhandled(ex, context.FunctionDefinition.Name, traceId);
            await Problems.Unexpected(traceId).ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed unexpectedly (trace {TraceId})")]
    private partial void LogUnhandled(Exception exception, string functionName, string traceId);
}
