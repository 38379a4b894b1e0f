namespace LocalFunctionsHost.Worker;

/// <summary>
/// Timeouts and restart pacing for <see cref="WorkerHost"/>. The defaults are the real host's where it has one.
/// </summary>
internal sealed class WorkerHostOptions
{
    /// <summary>From process start until the worker opens its stream (the real host: 60 s).</summary>
    public TimeSpan StartStreamTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>For the WorkerInitResponse (the real host: 10 s).</summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>For the FunctionMetadataResponse (the real host: 1 min).</summary>
    public TimeSpan MetadataTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>For each FunctionLoadResponse (the real host: 1 min).</summary>
    public TimeSpan LoadTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a stopping worker gets to exit after WorkerTerminate before it is killed (the real host: 5 s).</summary>
    public TimeSpan TerminateGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an invocation waits for a restarting worker before failing with <see cref="WorkerUnavailableException"/>.</summary>
    public TimeSpan RestartWaitTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The pause before each restart attempt after the worker is lost; the last entry repeats for as
    /// long as attempts keep failing, so a broken app is retried at a bounded, unhurried pace.
    /// </summary>
    public IReadOnlyList<TimeSpan> RestartDelays { get; init; } =
    [
        TimeSpan.FromMilliseconds(200),
        TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(30),
    ];

    /// <summary>Sent as WorkerInitRequest.host_version (the .NET worker ignores it).</summary>
    public string HostVersion { get; init; } = "4.0.0-local";

    internal TimeSpan RestartDelay(int failedAttempts) =>
        RestartDelays.Count == 0 ? TimeSpan.Zero : RestartDelays[Math.Min(failedAttempts, RestartDelays.Count - 1)];
}
