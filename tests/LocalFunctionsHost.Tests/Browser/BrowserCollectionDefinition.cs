namespace LocalFunctionsHost.Tests.Browser;

/// <summary>
/// The browser tests share one Chromium and run one class after another: each class starts a host of its own, and
/// two hosts, their workers and a browser at once would only compete for the same few cores. They also run apart
/// from every other collection (after them), so that their load cannot make another test's start-up time out.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Headless Chromium, end to end";
}
