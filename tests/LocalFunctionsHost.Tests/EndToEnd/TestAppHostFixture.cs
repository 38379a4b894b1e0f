namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// One host running the TestApp for every test in <see cref="TestAppHostCollectionDefinition"/>. The tests use names of
/// their own for every blob they write, so none depends on another's data.
/// </summary>
public sealed class TestAppHostFixture : IAsyncLifetime
{
    private EndToEndHost? _host;

    internal HostLog Log { get; } = new();

    internal EndToEndHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await EndToEndHost.StartAsync(EndToEndApps.TestApp, Log);

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _host, null) is { } host)
        {
            await host.DisposeAsync();
        }
    }
}
