using System.Diagnostics;
using System.Globalization;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Functions.Hosting;

/// <summary>
/// Handles unexpected exceptions once for every function: HTTP callers get a 503 problem+json with Retry-After when
/// storage is unreachable and a 500 problem+json for anything else, instead of a bare failure; other triggers
/// rethrow so the host's retry and poison rules apply.
/// </summary>
public sealed partial class UnhandledExceptionMiddleware(ILogger<UnhandledExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false } http && !http.RequestAborted.IsCancellationRequested && StorageFaults.IsUnavailable(ex))
        {
            // Not a bug but an outage (the storage client has already retried): say so, and when to come back.
            LogStorageUnavailable(ex, context.FunctionDefinition.Name);
            http.Response.Headers.RetryAfter = ((int)StorageRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await Problems.StorageUnavailable(StorageRetryAfter).ExecuteAsync(http);
        }
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false } http && !http.RequestAborted.IsCancellationRequested)
        {
            var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
            LogUnhandled(ex, context.FunctionDefinition.Name, traceId);
            await Problems.Unexpected(traceId).ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName} could not reach storage; answered 503")]
    private partial void LogStorageUnavailable(Exception exception, string functionName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed unexpectedly (trace {TraceId})")]
    private partial void LogUnhandled(Exception exception, string functionName, string traceId);
}
