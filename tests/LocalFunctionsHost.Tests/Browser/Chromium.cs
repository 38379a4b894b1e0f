using Microsoft.Playwright;

namespace LocalFunctionsHost.Tests.Browser;

/// <summary>
/// The Chromium the browser tests drive: the system's own (Debian's <c>chromium</c> package), never one that
/// Playwright downloads. <c>CHROMIUM_PATH</c> points the tests at another Chromium or Chrome executable.
/// </summary>
internal static class Chromium
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";
    public const string ExecutablePathVariable = "CHROMIUM_PATH";

    /// <summary>
    /// Flags for a quiet, reproducible headless run: no sandbox (the tests run as root in CI, where Chromium's
    /// sandbox refuses to start), no GPU, and none of the background traffic a fresh profile makes (component
    /// updates, sync, first-run pages). The resolver rule makes every host name but 127.0.0.1 unresolvable, so a
    /// page can reach nothing but the local host, whatever URLs an article names.
    /// </summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(ExecutablePathVariable) is { Length: > 0 } path ? path : DefaultExecutablePath;

    /// <summary>Launches headless Chromium; fails with what to install when there is none.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {path}, and there is none. Install it with "
                + "'sudo apt-get install -y --no-install-recommends chromium' (Debian; .ci/run does this when it is missing), "
                + $"or set {ExecutablePathVariable} to a Chromium or Chrome executable.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Arguments,
        });
    }
}
