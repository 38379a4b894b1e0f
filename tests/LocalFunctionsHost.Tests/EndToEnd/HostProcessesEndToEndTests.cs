using System.Diagnostics;
using System.Net;
using Azure.Storage.Queues;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>The processes a host runs (the worker and Azurite): a lost worker comes back, and nothing outlives the host.</summary>
public sealed class HostProcessesEndToEndTests(ITestOutputHelper output)
{
    private static readonly Uri Echo = new("api/echo/1", UriKind.Relative);

    [Fact]
    public async Task A_killed_worker_is_replaced_and_requests_meanwhile_get_503_or_an_answer()
    {
        var log = new HostLog();
        log.WriteTo(output);
        await using var host = await EndToEndHost.StartAsync(EndToEndApps.TestApp, log);
        var generation = host.Host.Worker.Generation;
        var pid = host.Host.Worker.ProcessId ?? throw new InvalidOperationException("No worker is running.");
        using var killed = Process.GetProcessById(pid);

        var stopwatch = Stopwatch.StartNew();
        killed.Kill(entireProcessTree: true);
        using var meanwhileTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var meanwhile = await host.Api.GetAsync(Echo, meanwhileTimeout.Token);
        output.WriteLine($"Request during the restart: {(int)meanwhile.StatusCode} after {stopwatch.ElapsedMilliseconds} ms");
        using var answered = await Poll.UntilAsync("an answer from the restarted worker", TimeSpan.FromSeconds(15), async ct =>
        {
            var response = await host.Api.GetAsync(Echo, ct);
            if (response.StatusCode == HttpStatusCode.OK && host.Host.Worker.Generation > generation)
            {
                return response;
            }

            response.Dispose();
            return null;
        });
        output.WriteLine($"Kill to 200 from the new worker: {stopwatch.ElapsedMilliseconds} ms");

        Assert.Contains(meanwhile.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
        Assert.Equal(generation + 1, host.Host.Worker.Generation);
        Assert.NotEqual(pid, host.Host.Worker.ProcessId);
    }

    [Fact]
    public async Task Disposing_the_host_leaves_no_worker_or_azurite_process_running()
    {
        var log = new HostLog();
        log.WriteTo(output);
        var host = await EndToEndHost.StartAsync(EndToEndApps.TestApp, log);
        int workerPid;
        int? azuritePid;
        try
        {
            workerPid = host.Host.Worker.ProcessId ?? throw new InvalidOperationException("No worker is running.");
            azuritePid = LocalProcesses.ListeningOn(new QueueServiceClient(host.Host.StorageConnectionString).Uri.Port);
            Assert.True(OperatingSystem.IsLinux(), "Finding Azurite's process needs Linux's /proc.");
            Assert.NotNull(azuritePid);
            Assert.Contains("azurite", LocalProcesses.CommandLine(azuritePid.Value), StringComparison.OrdinalIgnoreCase);
            Assert.NotNull(LocalProcesses.CommandLine(workerPid));
        }
        finally
        {
            await host.DisposeAsync();
        }

        Assert.Null(LocalProcesses.CommandLine(workerPid));
        Assert.Null(LocalProcesses.CommandLine(azuritePid.Value));
    }
}
