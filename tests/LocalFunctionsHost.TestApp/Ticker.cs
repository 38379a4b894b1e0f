using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.TestApp;

/// <summary>Every five minutes: only logs, so tests can invoke a timer function without side effects.</summary>
public sealed partial class Ticker(ILogger<Ticker> logger)
{
    [Function(nameof(Ticker))]
    public void Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        LogTick(timer.IsPastDue, timer.ScheduleStatus?.Next);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tick (past due: {IsPastDue}, next: {Next})")]
    private partial void LogTick(bool isPastDue, DateTime? next);
}
