using System.Runtime.InteropServices;

namespace LocalFunctionsHost.Hosting;

/// <summary>Turns Ctrl+C and SIGTERM into a cancellation, so the host stops its children before it exits.</summary>
internal static class ShutdownSignals
{
    public static IDisposable CancelOnShutdown(CancellationTokenSource stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                // Keep the process alive until disposal has stopped the worker and Azurite.
                context.Cancel = true;
                stop.Cancel();
            }))
            .ToList();
        return new Registrations(registrations);
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose() => registrations.ForEach(r => r.Dispose());
    }
}
