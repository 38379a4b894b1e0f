using System.Text.Json;
using LocalFunctionsHost.Rpc;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Timers;

/// <summary>
/// Fires timer triggers on schedule (and once at start-up for <c>runOnStartup</c>), passing the TimerInfo JSON
/// the worker's converter reads. One invocation of a function at a time: a run that overlaps its next occurrence
/// delays it, as the real host's singleton timer does. Schedule status is kept in memory only (no monitor blobs).
/// </summary>
internal sealed partial class TimerScheduler(WorkerHost worker, IReadOnlyList<TimerTriggerFunction> functions, TimeProvider time, ILogger<TimerScheduler> logger)
{
    public IReadOnlyList<TimerTriggerFunction> Functions => functions;

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(functions.Select(f => RunFunctionAsync(f, cancellationToken)));

    private async Task RunFunctionAsync(TimerTriggerFunction function, CancellationToken cancellationToken)
    {
        DateTime? last = null;
        try
        {
            if (function.RunOnStartup)
            {
                last = await FireAsync(function, last, cancellationToken);
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow().UtcDateTime;
                var next = function.Schedule.Next(now);
                await Task.Delay(next - now, time, cancellationToken);
                last = await FireAsync(function, last, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task<DateTime> FireAsync(TimerTriggerFunction function, DateTime? last, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var info = new
        {
            ScheduleStatus = new { Last = last ?? DateTime.MinValue, Next = function.Schedule.Next(now), LastUpdated = now },
            IsPastDue = false,
        };
        var request = new InvocationRequest { InvocationId = Guid.NewGuid().ToString(), TraceContext = new RpcTraceContext() };
        request.InputData.Add(new ParameterBinding { Name = function.BindingName, Data = new TypedData { Json = JsonSerializer.Serialize(info) } });
        try
        {
            request.FunctionId = worker.FindFunction(function.FunctionName)?.FunctionId
                ?? throw new WorkerUnavailableException($"The function '{function.FunctionName}' is not loaded.");
            var response = await worker.InvokeAsync(request, cancellationToken);
            if (response.Result.Status != StatusResult.Types.Status.Success)
            {
                LogFailed(function.FunctionName, response.Result.Exception?.Message ?? response.Result.Result);
            }
        }
        catch (WorkerUnavailableException ex)
        {
            LogFailed(function.FunctionName, ex.Message);
        }

        return now;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer trigger {FunctionName} failed: {Error}")]
    private partial void LogFailed(string functionName, string error);
}
