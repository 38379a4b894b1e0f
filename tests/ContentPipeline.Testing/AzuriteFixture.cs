using LocalFunctionsHost.Storage;
using Xunit;

namespace ContentPipeline.Testing;

/// <summary>
/// A real Azurite (blob, queue and table, in memory) for one test collection: installed from the
/// repository's package-lock.json if node_modules lacks it, started on ports the OS picks, and stopped on dispose.
/// </summary>
/// <remarks>
/// Use it as a collection fixture; see <see cref="AzuriteCollection"/>. The local Functions host's
/// <see cref="AzuriteProcess"/> does the work, so the tests run the very Azurite set-up the host runs.
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    public const string AccountName = DevelopmentStorageAccount.AccountName;

    /// <summary>The development storage key every Azurite accepts; it is public and guards nothing.</summary>
    public const string AccountKey = DevelopmentStorageAccount.AccountKey;

    private AzuriteProcess? _azurite;

    public int BlobPort => Started().BlobPort;

    public int QueuePort => Started().QueuePort;

    public int TablePort => Started().TablePort;

    /// <summary>The account's blob endpoint, e.g. http://127.0.0.1:45509/devstoreaccount1.</summary>
    public Uri BlobEndpoint => Started().BlobEndpoint;

    public Uri QueueEndpoint => Started().QueueEndpoint;

    public Uri TableEndpoint => Started().TableEndpoint;

    /// <summary>
    /// A complete connection string with every endpoint spelled out, because "UseDevelopmentStorage=true"
    /// means the fixed default ports, which this Azurite does not use.
    /// </summary>
    public string ConnectionString => Started().ConnectionString;

    /// <summary>How long Azurite took from process start until all three services answered HTTP (install time excluded).</summary>
    public TimeSpan StartupDuration => Started().StartupDuration;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { SearchDirectory = RepositoryRoot.Locate() });
    }

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _azurite, null) is { } azurite)
        {
            await azurite.DisposeAsync();
        }
    }

    // xunit calls both DisposeAsync and Dispose on a fixture; the second call finds nothing left to stop.
    public void Dispose() => Interlocked.Exchange(ref _azurite, null)?.Dispose();

    private AzuriteProcess Started() =>
        _azurite ?? throw new InvalidOperationException("Azurite is not running: the fixture was not initialized, or failed to start.");
}
