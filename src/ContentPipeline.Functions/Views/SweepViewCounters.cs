using ContentPipeline.Storage.Views;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Views;

/// <summary>Every five minutes: compacts the view counters and removes those of deleted articles.</summary>
public sealed class SweepViewCounters(ViewMaintenance maintenance)
{
    [Function(nameof(SweepViewCounters))]
    public async Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        await maintenance.SweepAsync(cancellationToken);
}
