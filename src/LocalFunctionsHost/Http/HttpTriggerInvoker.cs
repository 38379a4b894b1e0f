using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using LocalFunctionsHost.Rpc;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Http;

/// <summary>
/// Runs one HTTP-triggered invocation the way the real host does with ASP.NET Core integration: it sends the
/// InvocationRequest (with an empty RpcHttp and the route values as trigger metadata) and, at the same time,
/// forwards the request to the worker's own Kestrel with the <c>x-ms-invocation-id</c> header. The worker writes
/// the response; the host relays it, and answers a problem instead when the function fails or the worker is gone.
/// </summary>
internal sealed partial class HttpTriggerInvoker(WorkerHost worker, WorkerHttpForwarder forwarder, ILogger<HttpTriggerInvoker> logger)
{
    public async Task InvokeAsync(HttpContext context, HttpTriggerRoute route)
    {
        RoutingProblemDetails.LeaveToFunction(context);
        var invocationId = Guid.NewGuid().ToString();
        var aborted = context.RequestAborted;
        try
        {
            // While a lost worker is being replaced, HttpUri is still the dead worker's: wait for the new one (as the
            // invocation would) so that the request and the invocation reach the same worker.
            await worker.WaitUntilAvailableAsync(aborted);
        }
        catch (WorkerUnavailableException)
        {
            await WorkerUnavailableAsync(context, route, invocationId);
            return;
        }

        if (worker.FindFunction(route.FunctionName) is not { } function || worker.HttpUri is not { } workerUri)
        {
            await WorkerUnavailableAsync(context, route, invocationId);
            return;
        }

        // As the real host does: a body declared over the limit is refused before the function sees it.
        if (context.Request.ContentLength > context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
        {
            await BodyTooLargeAsync(context, invocationId);
            return;
        }

        using var invocationCancel = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        using var invocationEnded = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var invocation = worker.InvokeAsync(CreateRequest(context, function, route, invocationId), invocationCancel.Token);
        // If the function fails before the worker answers the forwarded request, the worker may never answer it.
        _ = invocation.ContinueWith(
            static (task, state) =>
            {
                if (!task.IsCompletedSuccessfully || task.Result.Result.Status != StatusResult.Types.Status.Success)
                {
                    try
                    {
                        ((CancellationTokenSource)state!).Cancel();
                    }
                    catch (ObjectDisposedException)
                    {
                        // The request already ended (the client went away mid-response).
                    }
                }
            },
            invocationEnded,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        HttpResponseMessage? upstream = null;
        try
        {
            upstream = await forwarder.SendAsync(context, workerUri, invocationId, invocation, invocationEnded.Token);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            // The invocation ended badly first; its outcome decides the answer below.
        }
        catch (BadHttpRequestException ex)
        {
            // The client's body, not the worker, failed: over the host's limit, malformed or cut off.
            await invocationCancel.CancelAsync();
            await ClientBodyFailedAsync(context, ex, invocationId);
            return;
        }
        catch (HttpRequestException ex)
        {
            LogForwardFailed(ex, route.FunctionName, invocationId);
            if (!invocation.IsCompleted)
            {
                // The worker did not take the request (refused: it died, or was replaced since HttpUri was read) or
                // could not answer it, so it cannot finish the invocation either; it would only give up after its own
                // 15 s wait for the request. Cancel it and answer 503 now.
                await invocationCancel.CancelAsync();
            }
        }

        var refusedByWorkerServer = upstream is not null && IsRefusedByWorkerServer(upstream);
        using (upstream)
        {
            InvocationResponse response;
            try
            {
                // The worker finishes the invocation once its response is written; wait for it only when the
                // response could hide a failure, so large successful bodies stream at once. A function that throws
                // leaves the worker's Kestrel to answer 200 with an empty body, and that answer may come first.
                if (refusedByWorkerServer)
                {
                    // The worker's server refused the request before any function saw it, so the invocation would
                    // only wait for it and time out. Relay the refusal.
                    await invocationCancel.CancelAsync();
                }
                else if (upstream is null
                    || upstream.Content.Headers.ContentLength is 0
                    || ((int)upstream.StatusCode >= 500 && upstream.Content.Headers.ContentLength is null))
                {
                    response = await invocation;
                    if (response.Result.Status != StatusResult.Types.Status.Success)
                    {
                        await FunctionFailedAsync(context, route, invocationId, response.Result);
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is WorkerUnavailableException || (ex is OperationCanceledException && !aborted.IsCancellationRequested))
            {
                await WorkerUnavailableAsync(context, route, invocationId);
                return;
            }

            if (upstream is null)
            {
                await WorkerUnavailableAsync(context, route, invocationId);
                return;
            }

            await WorkerHttpForwarder.CopyResponseAsync(upstream, context, aborted);
        }

        if (!refusedByWorkerServer)
        {
            await LogOutcomeAsync(invocation, route, invocationId);
        }
    }

    // Kestrel's answers to a request line or headers it will not take; functions do not produce these.
    private static bool IsRefusedByWorkerServer(HttpResponseMessage upstream) =>
        upstream.StatusCode is System.Net.HttpStatusCode.RequestUriTooLong or System.Net.HttpStatusCode.RequestHeaderFieldsTooLarge
        && upstream.Content.Headers.ContentLength is 0;

    private async Task LogOutcomeAsync(Task<InvocationResponse> invocation, HttpTriggerRoute route, string invocationId)
    {
        try
        {
            var response = await invocation;
            if (response.Result.Status != StatusResult.Types.Status.Success)
            {
                LogFailedAfterResponse(route.FunctionName, invocationId, response.Result.Exception?.Message);
            }
        }
        catch (Exception ex) when (ex is WorkerUnavailableException or OperationCanceledException)
        {
            LogFailedAfterResponse(route.FunctionName, invocationId, ex.Message);
        }
    }

    private static InvocationRequest CreateRequest(HttpContext context, LoadedFunction function, HttpTriggerRoute route, string invocationId)
    {
        var request = new InvocationRequest
        {
            FunctionId = function.FunctionId,
            InvocationId = invocationId,
            TraceContext = new RpcTraceContext { TraceParent = System.Diagnostics.Activity.Current?.Id ?? "" },
        };

        // With ASP.NET Core integration the worker reads the request from its own Kestrel; the trigger gets an
        // empty RpcHttp, and route values travel as trigger metadata so parameters like `string slug` bind.
        request.InputData.Add(new ParameterBinding { Name = route.BindingName, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value?.ToString() is { } text)
            {
                request.TriggerMetadata[key] = new TypedData { String = text };
            }
        }

        request.TriggerMetadata["Query"] = new TypedData
        {
            Json = JsonSerializer.Serialize(context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())),
        };
        request.TriggerMetadata["Headers"] = new TypedData
        {
            Json = JsonSerializer.Serialize(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString())),
        };
        return request;
    }

    private Task FunctionFailedAsync(HttpContext context, HttpTriggerRoute route, string invocationId, StatusResult result)
    {
        LogFunctionFailed(route.FunctionName, invocationId, result.Exception?.Message);
        return WriteProblemAsync(
            context,
            StatusCodes.Status500InternalServerError,
            "Function failed",
            $"The function '{route.FunctionName}' failed: {result.Exception?.Message ?? result.Result}. The host console has the details.",
            invocationId);
    }

    private static Task BodyTooLargeAsync(HttpContext context, string invocationId)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return WriteProblemAsync(
            context,
            StatusCodes.Status413PayloadTooLarge,
            "Request body too large",
            string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the host's limit of {limit:N0} bytes (the Functions host's default); send less."),
            invocationId);
    }

    private Task ClientBodyFailedAsync(HttpContext context, BadHttpRequestException exception, string invocationId)
    {
        LogClientBodyFailed(invocationId, exception.StatusCode, exception.Message);
        return exception.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? BodyTooLargeAsync(context, invocationId)
            : WriteProblemAsync(
                context,
                exception.StatusCode,
                "Unreadable request body",
                $"The host could not read the request body: {exception.Message} Check its framing (Content-Length or chunked encoding).",
                invocationId);
    }

    private Task WorkerUnavailableAsync(HttpContext context, HttpTriggerRoute route, string invocationId)
    {
        LogWorkerUnavailable(route.FunctionName, invocationId);
        context.Response.Headers.RetryAfter = "1";
        return WriteProblemAsync(
            context,
            StatusCodes.Status503ServiceUnavailable,
            "Worker unavailable",
            "The function app's worker process is not running (it exited or is restarting); retry in a moment.",
            invocationId);
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, string invocationId)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(
            new { type = "about:blank", title, status, detail, invocationId },
            (JsonSerializerOptions?)null,
            "application/problem+json",
            context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} (invocation {InvocationId}) failed: {Error}")]
    private partial void LogFunctionFailed(string functionName, string invocationId, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} (invocation {InvocationId}) failed after writing its response: {Error}")]
    private partial void LogFailedAfterResponse(string functionName, string invocationId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName} (invocation {InvocationId}) answered 503: the worker is not available")]
    private partial void LogWorkerUnavailable(string functionName, string invocationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The request body of invocation {InvocationId} could not be read ({StatusCode}): {Reason}")]
    private partial void LogClientBodyFailed(string invocationId, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding the request of {FunctionName} (invocation {InvocationId}) to the worker failed")]
    private partial void LogForwardFailed(Exception exception, string functionName, string invocationId);
}
