using LocalFunctionsHost.Blobs;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Timers;

/// <summary>A timer-triggered function.</summary>
internal sealed record TimerTriggerFunction(string FunctionName, string BindingName, TimerSchedule Schedule, string Expression, bool RunOnStartup)
{
    public const string TriggerType = "timerTrigger";

    public static IReadOnlyList<TimerTriggerFunction> From(IEnumerable<LoadedFunction> functions, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var result = new List<TimerTriggerFunction>();
        foreach (var function in functions)
        {
            if (function.TriggerBinding is { } trigger && trigger.IsType(TriggerType))
            {
                var expression = AppSettingExpressions.Resolve(trigger.GetString("schedule") ?? "", settings, function.Name);
                result.Add(new TimerTriggerFunction(function.Name, trigger.Name, TimerSchedule.Parse(expression), expression, trigger.GetBoolean("runOnStartup") ?? false));
            }
        }

        return result;
    }
}
