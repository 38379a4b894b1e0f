using LocalFunctionsHost.Blobs;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Queues;

/// <summary>A queue-triggered function.</summary>
internal sealed record QueueTriggerFunction(string FunctionName, string BindingName, string QueueName)
{
    public const string TriggerType = "queueTrigger";

    public static IReadOnlyList<QueueTriggerFunction> From(IEnumerable<LoadedFunction> functions, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return functions
            .Where(f => f.TriggerBinding is { } trigger && trigger.IsType(TriggerType))
            .Select(f => new QueueTriggerFunction(
                f.Name,
                f.TriggerBinding!.Name,
                AppSettingExpressions.Resolve(f.TriggerBinding.GetString("queueName") ?? "", settings, f.Name).ToLowerInvariant()))
            .ToList();
    }
}
