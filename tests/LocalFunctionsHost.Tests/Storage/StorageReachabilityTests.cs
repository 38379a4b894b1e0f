using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContentPipeline.Testing;
using LocalFunctionsHost.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LocalFunctionsHost.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageReachabilityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_running_Azurite_answers()
    {
        Assert.True(await StorageReachability.IsBlobServiceAnsweringAsync(azurite.ConnectionString));
    }

    [Fact]
    public async Task A_closed_port_does_not_answer()
    {
        var closedPort = ClosedPort();

        Assert.False(await StorageReachability.IsBlobServiceAnsweringAsync(ConnectionStringFor(closedPort)));
    }

    [Fact]
    public async Task A_port_that_accepts_but_never_answers_gives_up_within_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var stopwatch = Stopwatch.StartNew();

        var answering = await StorageReachability.IsBlobServiceAnsweringAsync(ConnectionStringFor(port), TimeSpan.FromMilliseconds(500));

        Assert.False(answering);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task An_HTTP_server_that_is_not_storage_does_not_count()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port;

        Assert.False(await StorageReachability.IsBlobServiceAnsweringAsync(ConnectionStringFor(port)));
    }

    [Fact]
    public async Task A_connection_string_that_cannot_be_parsed_is_an_error_not_an_unreachable_account()
    {
        await Assert.ThrowsAsync<FormatException>(() => StorageReachability.IsBlobServiceAnsweringAsync("not a connection string"));
    }

    private static string ConnectionStringFor(int blobPort) =>
        DevelopmentStorageAccount.ConnectionString(
            DevelopmentStorageAccount.AccountEndpoint(blobPort),
            DevelopmentStorageAccount.AccountEndpoint(blobPort),
            DevelopmentStorageAccount.AccountEndpoint(blobPort));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
