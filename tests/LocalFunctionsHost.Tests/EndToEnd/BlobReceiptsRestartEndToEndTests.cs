using Azure.Storage.Blobs;
using LocalFunctionsHost.Storage;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// Blob receipts across host restarts on persisted Azurite data (<c>--persist</c>): a blob version is handled once,
/// whichever host saw it, and blobs written while no host ran are found by the start-up scan.
/// </summary>
public sealed class BlobReceiptsRestartEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan TriggerTimeout = TimeSpan.FromSeconds(15);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"lfh-e2e-azurite-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task A_restarted_host_skips_handled_blobs_and_handles_blobs_written_while_it_was_down()
    {
        var handled = $"e2e-handled-{Guid.NewGuid():N}";
        var missed = $"e2e-missed-{Guid.NewGuid():N}";

        // First run: the blob is handled as it is written.
        BlobClient handledCopy;
        Azure.ETag copyETag;
        await using (var first = await StartAsync("first"))
        {
            await (await first.BlobAsync("incoming", $"{handled}.txt")).UploadAsync(BinaryData.FromString("handled once"));
            handledCopy = await first.BlobAsync("processed", $"{handled}-copy.txt");
            await Poll.UntilAsync("the first host's copy", TriggerTimeout, ct => EndToEndHost.TryDownloadAsync(handledCopy, ct));
            copyETag = (await handledCopy.GetPropertiesAsync()).Value.ETag;
        }

        // No host: a blob lands in storage that nobody watches.
        await using (var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { SearchDirectory = EndToEndApps.RepositoryRoot, Location = _dataFolder }))
        {
            var incoming = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("incoming");
            await incoming.GetBlobClient($"{missed}.txt").UploadAsync(BinaryData.FromString("written while down"));
        }

        // Second run on the same data.
        var secondLog = new HostLog();
        BinaryData copied;
        Azure.ETag copyETagAfterRestart;
        await using (var second = await StartAsync("second", secondLog))
        {
            var missedCopy = await second.BlobAsync("processed", $"{missed}-copy.txt");
            copied = await Poll.UntilAsync("the second host's copy of the missed blob", TriggerTimeout, ct => EndToEndHost.TryDownloadAsync(missedCopy, ct));
            copyETagAfterRestart = (await second.Blobs.GetBlobContainerClient("processed").GetBlobClient(handledCopy.Name).GetPropertiesAsync()).Value.ETag;
        }

        // Stopping lets blobs in flight finish, so the second host's log now holds all it did with the start-up scan.
        Assert.Equal("written while down", copied.ToString());
        Assert.Equal(copyETag, copyETagAfterRestart);
        Assert.Empty(secondLog.Lines($"BlobCopy ran for incoming/{handled}.txt"));
        Assert.Single(secondLog.Lines($"BlobCopy ran for incoming/{missed}.txt"));
    }

    private async Task<EndToEndHost> StartAsync(string name, HostLog? log = null)
    {
        log ??= new HostLog();
        log.WriteTo(new PrefixedOutput(output, $"[{name} host] "));
        return await EndToEndHost.StartAsync(EndToEndApps.TestApp, log, "--persist", "--persist-folder", _dataFolder);
    }

    private sealed class PrefixedOutput(ITestOutputHelper output, string prefix) : ITestOutputHelper
    {
        public void WriteLine(string message) => output.WriteLine(prefix + message);

        public void WriteLine(string format, params object[] args) => output.WriteLine(prefix + string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
