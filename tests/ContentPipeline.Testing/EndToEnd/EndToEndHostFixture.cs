using Xunit;

namespace ContentPipeline.Testing.EndToEnd;

/// <summary>One local host running a built function app, for the tests that share it (as a class or collection fixture).</summary>
/// <param name="appOutput">The app's build output folder, asked for only when the host starts.</param>
public abstract class EndToEndHostFixture(Func<string> appOutput) : IAsyncLifetime
{
    private EndToEndHost? _host;

    internal HostLog Log { get; } = new();

    internal EndToEndHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await EndToEndHost.StartAsync(appOutput(), Log);

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _host, null) is { } host)
        {
            await host.DisposeAsync();
        }
    }
}
