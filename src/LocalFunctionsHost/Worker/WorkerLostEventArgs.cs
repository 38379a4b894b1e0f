namespace LocalFunctionsHost.Worker;

/// <summary>The worker exited or dropped its connection unexpectedly; a restart follows.</summary>
internal sealed class WorkerLostEventArgs(int generation, int? exitCode, string reason) : EventArgs
{
    /// <summary>The lost worker's generation.</summary>
    public int Generation { get; } = generation;

    /// <summary>The process's exit code, if it had exited.</summary>
    public int? ExitCode { get; } = exitCode;

    /// <summary>What happened, for logs.</summary>
    public string Reason { get; } = reason;
}
