using System.ComponentModel;
using System.Diagnostics;

namespace ContentPipeline.Benchmarks.Memory;

/// <summary>
/// Samples one process's working set every few milliseconds in the background, so that a short peak (a body read
/// into memory and dropped again) is seen even when the process has given the memory back by the time it answers.
/// </summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly Process process;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peak;

    private WorkingSetSampler(Process process)
    {
        this.process = process;
        peak = Read(process);
        sampling = Task.Run(SampleAsync);
    }

    /// <summary>The largest working set seen since the sampler started, in bytes.</summary>
    public long Peak => Interlocked.Read(ref peak);

    /// <summary>The working set now, in bytes.</summary>
    public long Current => Read(process);

    public static WorkingSetSampler Start(int processId) => new(Process.GetProcessById(processId));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
        process.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var now = Read(process);
            if (now > Interlocked.Read(ref peak))
            {
                Interlocked.Exchange(ref peak, now);
            }

            await Task.Delay(Interval, CancellationToken.None);
        }
    }

    private static long Read(Process process)
    {
        try
        {
            process.Refresh();
            return process.WorkingSet64;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            return 0; // Exited: nothing more to see.
        }
    }
}
