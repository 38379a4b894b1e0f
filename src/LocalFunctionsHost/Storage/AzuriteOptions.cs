namespace LocalFunctionsHost.Storage;

/// <summary>
/// How to start an <see cref="AzuriteProcess"/>: where to find it, where it keeps its data, and on which ports it listens.
/// </summary>
public sealed class AzuriteOptions
{
    /// <summary>
    /// The folder where the search for <c>node_modules/azurite</c> starts; it goes up from there.
    /// The nearest <c>package.json</c> on the way that depends on azurite is where it gets installed if missing.
    /// </summary>
    public string SearchDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>
    /// The folder Azurite keeps its data in across restarts; <see langword="null"/> keeps everything in memory,
    /// gone when the process stops.
    /// </summary>
    public string? Location { get; init; }

    /// <summary>The blob service port; 0 lets the OS pick a free one.</summary>
    public int BlobPort { get; init; }

    /// <summary>The queue service port; 0 lets the OS pick a free one.</summary>
    public int QueuePort { get; init; }

    /// <summary>The table service port; 0 lets the OS pick a free one.</summary>
    public int TablePort { get; init; }

    /// <summary>Whether to run <c>npm ci</c> (or <c>npm install</c>) when node_modules lacks the pinned Azurite.</summary>
    public bool InstallIfMissing { get; init; } = true;

    /// <summary>Whether Azurite writes its access log (one line per request) to stdout, which is logged at Debug level.</summary>
    public bool AccessLog { get; init; }

    /// <summary>How long installing may take; a cold <c>npm ci</c> of Azurite takes about half a minute.</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long Azurite may take from process start until all three services answer HTTP.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a stop waits for Azurite to close its services and save its data before killing it.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
