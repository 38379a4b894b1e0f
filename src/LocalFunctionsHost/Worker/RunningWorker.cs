namespace LocalFunctionsHost.Worker;

/// <summary>
/// One started worker: its process, its stream and what it loaded. A restart replaces the whole of it.
/// </summary>
internal sealed class RunningWorker : IDisposable
{
    private readonly Dictionary<string, LoadedFunction> _functionsById;
    private readonly Dictionary<string, LoadedFunction> _functionsByName;

    public RunningWorker(int generation, WorkerProcess process, WorkerChannel channel, WorkerHandshakeResult handshake)
    {
        ArgumentNullException.ThrowIfNull(handshake);
        Generation = generation;
        Process = process;
        Channel = channel;
        Handshake = handshake;
        _functionsById = handshake.Functions.ToDictionary(function => function.FunctionId, StringComparer.Ordinal);
        _functionsByName = handshake.Functions.ToDictionary(function => function.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>1 for the first launch, then one more per restart.</summary>
    public int Generation { get; }

    public WorkerProcess Process { get; }

    public WorkerChannel Channel { get; }

    public WorkerHandshakeResult Handshake { get; }

    public LoadedFunction? FindById(string functionId) => _functionsById.GetValueOrDefault(functionId);

    public LoadedFunction? FindByName(string name) => _functionsByName.GetValueOrDefault(name);

    public void Dispose()
    {
        Channel.Dispose();
        Process.Dispose();
    }
}
