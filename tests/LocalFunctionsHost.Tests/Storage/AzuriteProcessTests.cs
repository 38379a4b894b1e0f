using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using LocalFunctionsHost.Storage;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.Storage;

// Each test starts Azurites of its own, apart from the shared fixture, so it can stop them and look at what is left.
public sealed class AzuriteProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Starts_in_memory_on_free_ports_serves_all_three_services_and_stops_leaving_no_process()
    {
        // The test binaries sit deep below the repository; Azurite is found by walking up to its node_modules.
        var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions
        {
            SearchDirectory = AppContext.BaseDirectory,
            ShutdownTimeout = TimeSpan.FromSeconds(30),
        });
        int[] ports;
        try
        {
            output.WriteLine($"Azurite (process {azurite.ProcessId}) answered after {azurite.StartupDuration.TotalMilliseconds:0} ms on blob {azurite.BlobPort}, queue {azurite.QueuePort}, table {azurite.TablePort}.");
            ports = [azurite.BlobPort, azurite.QueuePort, azurite.TablePort];
            Assert.All(ports, port => Assert.InRange(port, 1, IPEndPoint.MaxPort));
            Assert.Equal(3, ports.Distinct().Count());
            Assert.Null(azurite.Location);
            Assert.True(azurite.StartupDuration > TimeSpan.Zero);
            Assert.Equal(new Uri($"http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1"), azurite.BlobEndpoint);

            var container = new BlobContainerClient(azurite.ConnectionString, "start-stop");
            await container.CreateAsync();
            await container.GetBlobClient("hello.txt").UploadAsync(BinaryData.FromString("hello"));
            Assert.Equal("hello", (await container.GetBlobClient("hello.txt").DownloadContentAsync()).Value.Content.ToString());

            var queue = new QueueClient(azurite.ConnectionString, "start-stop");
            await queue.CreateAsync();
            await queue.SendMessageAsync("hello");
            Assert.Equal("hello", (await queue.ReceiveMessageAsync()).Value.Body.ToString());

            using var http = new HttpClient();
            using var tableAnswer = await http.GetAsync(new Uri(azurite.TableEndpoint, "devstoreaccount1/Tables"));
            Assert.Equal("Azurite-Table", tableAnswer.Headers.Server.First().Product?.Name);
        }
        finally
        {
            var stopwatch = Stopwatch.StartNew();
            await azurite.DisposeAsync();
            output.WriteLine($"Stopped in {stopwatch.ElapsedMilliseconds} ms.");

            // Well inside the 30 s shutdown timeout: Azurite stopped because its stdin closed, not because it was killed.
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {stopwatch.Elapsed}.");
        }

        Assert.False(IsRunning(azurite.ProcessId), $"Azurite (process {azurite.ProcessId}) is still running.");
        foreach (var port in ports)
        {
            Assert.False(await AcceptsConnectionsAsync(port), $"Something still listens on {port}.");
        }

        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Persisting_to_a_folder_keeps_containers_and_blobs_across_a_restart()
    {
        var location = Path.Combine(Path.GetTempPath(), "azurite-persist-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new AzuriteOptions { SearchDirectory = AppContext.BaseDirectory, Location = location };
            await using (var first = await AzuriteProcess.StartAsync(options))
            {
                Assert.Equal(Path.GetFullPath(location), first.Location);
                var container = new BlobContainerClient(first.ConnectionString, "kept");
                await container.CreateAsync();
                await container.GetBlobClient("articles/kept.md").UploadAsync(BinaryData.FromString("# Kept across restarts"));
            }

            await using var second = await AzuriteProcess.StartAsync(options);
            var downloaded = await new BlobContainerClient(second.ConnectionString, "kept").GetBlobClient("articles/kept.md").DownloadContentAsync();

            Assert.Equal("# Kept across restarts", downloaded.Value.Content.ToString());
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }

    [Fact]
    public async Task Listens_on_the_ports_it_is_given()
    {
        int[] free = [FreePort(), FreePort(), FreePort()];

        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions
        {
            SearchDirectory = AppContext.BaseDirectory,
            BlobPort = free[0],
            QueuePort = free[1],
            TablePort = free[2],
        });

        Assert.Equal(free, new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort });
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("given-ports");
        await container.CreateAsync();
        Assert.True((await container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_port_already_taken_fails_the_start_and_says_what_Azurite_said()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteProcess.StartAsync(new AzuriteOptions
        {
            SearchDirectory = AppContext.BaseDirectory,
            BlobPort = takenPort,
        }));

        output.WriteLine(failure.Message);
        Assert.Contains("EADDRINUSE", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task A_port_outside_the_range_is_refused(int port)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AzuriteProcess.StartAsync(new AzuriteOptions { QueuePort = port }));
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
