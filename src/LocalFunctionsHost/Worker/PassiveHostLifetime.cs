using Microsoft.Extensions.Hosting;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// A host lifetime that neither listens for Ctrl+C nor prints start-up banners: the internal gRPC server
/// is started and stopped by its owner, not by the console, so it outlives the worker it serves.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
