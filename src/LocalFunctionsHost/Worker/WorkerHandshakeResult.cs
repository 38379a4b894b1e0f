using LocalFunctionsHost.Rpc;

namespace LocalFunctionsHost.Worker;

/// <summary>What a worker told the host while starting: its capabilities and the functions it loaded.</summary>
/// <param name="Capabilities">WorkerInitResponse.capabilities, e.g. <c>HttpUri</c>, <c>WorkerStatus</c>.</param>
/// <param name="HttpUri">The ASP.NET Core integration's listener (the <c>HttpUri</c> capability), if the app uses it.</param>
/// <param name="WorkerMetadata">The worker's runtime and version, for diagnostics.</param>
/// <param name="Functions">Every function, loaded.</param>
/// <param name="IndexedByHost">True when the worker asked the host to index and the host read functions.metadata.</param>
internal sealed record WorkerHandshakeResult(
    IReadOnlyDictionary<string, string> Capabilities,
    Uri? HttpUri,
    WorkerMetadata? WorkerMetadata,
    IReadOnlyList<LoadedFunction> Functions,
    bool IndexedByHost);
