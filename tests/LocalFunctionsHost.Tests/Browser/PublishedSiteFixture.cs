using LocalFunctionsHost.Tests.EndToEnd;

namespace LocalFunctionsHost.Tests.Browser;

/// <summary>
/// A <see cref="PipelineSiteHost"/> for one test class, started with the articles that class reads already
/// published; its log goes to the output of whichever of the class's tests is running.
/// </summary>
public abstract class PublishedSiteFixture : IAsyncLifetime
{
    private PipelineSiteHost? _host;

    internal HostLog Log { get; } = new();

    internal PipelineSiteHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        _host = await PipelineSiteHost.StartAsync(Log);
        await PublishAsync(_host.Host);
    }

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _host, null) is { } host)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Publishes the class's articles and waits until the site serves them.</summary>
    private protected abstract Task PublishAsync(EndToEndHost host);
}
