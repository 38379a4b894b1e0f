using Xunit;

namespace ContentPipeline.Testing.EndToEnd;

/// <summary>One local host running the content pipeline app, for the tests that share it (as a class or collection fixture).</summary>
public sealed class ContentPipelineHostFixture : IAsyncLifetime
{
    private EndToEndHost? _host;

    internal HostLog Log { get; } = new();

    internal EndToEndHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await EndToEndHost.StartAsync(EndToEndApps.ContentPipeline, Log);

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _host, null) is { } host)
        {
            await host.DisposeAsync();
        }
    }
}
