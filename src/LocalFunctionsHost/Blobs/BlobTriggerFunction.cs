using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Blobs;

/// <summary>A blob-triggered function: what it watches and how its trigger binds.</summary>
/// <param name="FunctionName">The function's name.</param>
/// <param name="BindingName">The trigger parameter's name; its input is sent under this name.</param>
/// <param name="Path">The watched container and blob name pattern.</param>
/// <param name="Connection">The app setting naming the storage account, sent to the worker in model binding data.</param>
/// <param name="Source">How blobs are discovered.</param>
internal sealed record BlobTriggerFunction(string FunctionName, string BindingName, BlobPathPattern Path, string Connection, BlobTriggerSource Source)
{
    public const string TriggerType = "blobTrigger";

    /// <summary>The connection used when the binding names none.</summary>
    public const string DefaultConnection = "AzureWebJobsStorage";

    /// <summary>The blob-triggered functions, with <c>%Setting%</c> references in paths resolved from <paramref name="settings"/>.</summary>
    public static IReadOnlyList<BlobTriggerFunction> From(IEnumerable<LoadedFunction> functions, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var result = new List<BlobTriggerFunction>();
        foreach (var function in functions)
        {
            if (function.TriggerBinding is not { } trigger || !trigger.IsType(TriggerType))
            {
                continue;
            }

            var path = AppSettingExpressions.Resolve(trigger.GetString("path") ?? "", settings, function.Name);
            var source = string.Equals(trigger.GetString("source"), nameof(BlobTriggerSource.EventGrid), StringComparison.OrdinalIgnoreCase)
                ? BlobTriggerSource.EventGrid
                : BlobTriggerSource.LogsAndContainerScan;
            var connection = trigger.GetString("connection") is { Length: > 0 } named ? named : DefaultConnection;
            result.Add(new BlobTriggerFunction(function.Name, trigger.Name, BlobPathPattern.Parse(path), connection, source));
        }

        return result;
    }
}
