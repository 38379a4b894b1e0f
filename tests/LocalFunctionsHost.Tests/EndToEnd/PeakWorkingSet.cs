using System.Diagnostics;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>Samples a process's working set every few milliseconds until disposed, keeping the first and the highest.</summary>
internal sealed class PeakWorkingSet : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public PeakWorkingSet(int processId)
    {
        _process = Process.GetProcessById(processId);
        Baseline = Sample();
        _peak = Baseline;
        _sampling = SampleAsync(_stop.Token);
    }

    public long Baseline { get; }

    public long Peak => Interlocked.Read(ref _peak);

    public long Growth => Peak - Baseline;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Sample();
        _stop.Dispose();
        _process.Dispose();
    }

    public override string ToString() => $"{Baseline / 1_048_576} MiB before, {Peak / 1_048_576} MiB at the peak (+{Growth / 1_048_576} MiB)";

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Sample();
            await Task.Delay(20, cancellationToken);
        }
    }

    private long Sample()
    {
        _process.Refresh();
        var current = _process.WorkingSet64;
        long peak;
        do
        {
            peak = Interlocked.Read(ref _peak);
        }
        while (current > peak && Interlocked.CompareExchange(ref _peak, current, peak) != peak);

        return current;
    }
}
