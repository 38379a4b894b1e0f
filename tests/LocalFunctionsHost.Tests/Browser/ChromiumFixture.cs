using Microsoft.Playwright;

namespace LocalFunctionsHost.Tests.Browser;

/// <summary>One Playwright driver and one headless Chromium for every browser test.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    /// <summary>
    /// A fresh profile for one test class: a desktop-sized window, English and UTC so dates and numbers read the
    /// same on every machine, and the light colour scheme the documentation's screenshots show.
    /// </summary>
    internal Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1100, Height = 760 },
        Locale = "en-GB",
        TimezoneId = "UTC",
        ColorScheme = ColorScheme.Light,
        ServiceWorkers = ServiceWorkerPolicy.Block,
    });

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
