using System.Globalization;
using System.Text;
using LocalFunctionsHost.Blobs;

namespace LocalFunctionsHost.Hosting;

/// <summary>What the host prints once it is ready: the URLs and every loaded function.</summary>
internal static class StartupBanner
{
    public static string Describe(LocalHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var text = new StringBuilder();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Functions in {host.App.AppName}:");
        foreach (var function in host.Worker.Functions.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var route = host.HttpRoutes.FirstOrDefault(r => r.FunctionName == function.Name);
            var blob = host.BlobTriggers.FirstOrDefault(b => b.FunctionName == function.Name);
            var timer = host.TimerTriggers.FirstOrDefault(t => t.FunctionName == function.Name);
            var queue = host.QueueTriggers.FirstOrDefault(q => q.FunctionName == function.Name);
            var detail = route is not null
                ? $"[{(route.Methods.Count == 0 ? "*" : string.Join(',', route.Methods))}] {new Uri(host.ApiUri, route.Pattern)}"
                : blob is not null
                    ? $"blobTrigger {blob.Path.Container}/… ({(blob.Source == BlobTriggerSource.EventGrid ? "Event Grid" : "container scan")})"
                    : timer is not null
                        ? $"timerTrigger {timer.Expression}{(timer.RunOnStartup ? " (runs on start-up)" : "")}"
                        : queue is not null
                            ? $"queueTrigger {queue.QueueName}"
                            : function.TriggerType ?? "no trigger";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {function.Name}: {detail}");
        }

        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"API      {new Uri(host.ApiUri, host.App.HostJson.RoutePrefix)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Site     {host.SiteUri}")
            .AppendLine(CultureInfo.InvariantCulture, $"Storage  {host.StorageDescription}: {host.StorageConnectionString}")
            .AppendLine("Press Ctrl+C to stop.");
        return text.ToString();
    }
}
