namespace LocalFunctionsHost.Worker;

/// <summary>A lost worker has been replaced by a new, fully loaded one.</summary>
internal sealed class WorkerRestartedEventArgs(int generation, IReadOnlyList<LoadedFunction> functions, Uri? httpUri) : EventArgs
{
    /// <summary>The new worker's generation (2 after the first restart).</summary>
    public int Generation { get; } = generation;

    /// <summary>The new worker's functions (ids are normally the same as before).</summary>
    public IReadOnlyList<LoadedFunction> Functions { get; } = functions;

    /// <summary>The new worker's HTTP listener; its port changes on every restart.</summary>
    public Uri? HttpUri { get; } = httpUri;
}
