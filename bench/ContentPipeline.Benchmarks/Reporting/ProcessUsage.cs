using System.ComponentModel;
using System.Diagnostics;

namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>
/// CPU time and peak memory of the processes a run involves, from <see cref="Start"/> to <see cref="Stop"/>: which
/// of host, worker and storage emulator the run kept busy, and whether the machine had a CPU to spare.
/// </summary>
internal sealed class ProcessUsage : IDisposable
{
    private readonly List<Watched> watched;
    private readonly MachineCpu.Sample? machineAtStart;
    private readonly long startedAt;

    private ProcessUsage(List<Watched> watched)
    {
        this.watched = watched;
        machineAtStart = MachineCpu.Read();
        startedAt = Stopwatch.GetTimestamp();
    }

    /// <summary>Starts watching <paramref name="processes"/>; a null or vanished id is reported as not measured.</summary>
    public static ProcessUsage Start(IEnumerable<(string Name, int? ProcessId)> processes)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var watched = new List<Watched>();
        foreach (var (name, id) in processes)
        {
            var process = id is { } pid ? TryOpen(pid) : null;
            watched.Add(new Watched(name, process, process is null ? null : TryCpu(process)));
        }

        return new ProcessUsage(watched);
    }

    /// <summary>What each process used since <see cref="Start"/>; the peak working set is over the process's whole life.</summary>
    public ProcessUsageReport Stop()
    {
        var elapsed = Stopwatch.GetElapsedTime(startedAt);
        var rows = watched.Select(w =>
        {
            var cpu = w.Process is null || w.CpuAtStart is null ? null : TryCpu(w.Process) - w.CpuAtStart;
            return new ProcessUsageRow(w.Name, w.Process?.Id, cpu, cpu / elapsed, w.Process is null ? null : TryPeakWorkingSet(w.Process));
        }).ToList();
        return new ProcessUsageReport(elapsed, rows, MachineCpu.BusyBetween(machineAtStart, MachineCpu.Read()));
    }

    public void Dispose()
    {
        foreach (var w in watched)
        {
            w.Process?.Dispose();
        }
    }

    private static Process? TryOpen(int id)
    {
        try
        {
            return Process.GetProcessById(id);
        }
        catch (ArgumentException)
        {
            return null; // Not running any more.
        }
    }

    private static TimeSpan? TryCpu(Process process)
    {
        try
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null; // Exited, or not ours to inspect.
        }
    }

    private static long? TryPeakWorkingSet(Process process)
    {
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record Watched(string Name, Process? Process, TimeSpan? CpuAtStart);
}

/// <summary>One process's use of the machine during a run; null where it could not be measured.</summary>
internal sealed record ProcessUsageRow(string Name, int? ProcessId, TimeSpan? Cpu, double? Cores, long? PeakWorkingSetBytes);

/// <summary>What the watched processes used, and how busy all the machine's CPUs were (0 to 1; null when unknown).</summary>
internal sealed record ProcessUsageReport(TimeSpan Elapsed, IReadOnlyList<ProcessUsageRow> Processes, double? MachineBusy);
