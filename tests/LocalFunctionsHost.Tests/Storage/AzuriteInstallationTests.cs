using System.Diagnostics;
using LocalFunctionsHost.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.Storage;

public sealed class AzuriteInstallationTests(ITestOutputHelper output) : IDisposable
{
    private const string PinnedVersion = "3.37.0";

    private readonly string _root = Directory.CreateTempSubdirectory("azurite-installation-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Finds_the_repository_Azurite_by_walking_up_from_a_nested_folder()
    {
        var entryScript = await AzuriteInstallation.EnsureInstalledAsync(AppContext.BaseDirectory, installIfMissing: false, NullLogger.Instance);

        Assert.EndsWith(Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js"), entryScript, StringComparison.Ordinal);
        Assert.True(File.Exists(entryScript));
    }

    [Fact]
    public async Task Takes_the_installed_package_when_its_version_is_the_one_the_lock_file_pins()
    {
        WriteProject(_root, lockedVersion: PinnedVersion);
        var entryScript = WriteInstalledPackage(_root, PinnedVersion);
        var nested = Directory.CreateDirectory(Path.Combine(_root, "src", "app", "bin")).FullName;

        var found = await AzuriteInstallation.EnsureInstalledAsync(nested, installIfMissing: false, NullLogger.Instance);

        Assert.Equal(entryScript, found);
    }

    [Fact]
    public async Task An_installed_version_other_than_the_pinned_one_counts_as_missing()
    {
        WriteProject(_root, lockedVersion: PinnedVersion);
        WriteInstalledPackage(_root, "3.30.0");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AzuriteInstallation.EnsureInstalledAsync(_root, installIfMissing: false, NullLogger.Instance));

        Assert.Contains("npm ci", failure.Message, StringComparison.Ordinal);
        Assert.Contains(PinnedVersion, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_lock_file_any_installed_version_will_do()
    {
        WriteProject(_root, lockedVersion: null);
        var entryScript = WriteInstalledPackage(_root, "3.30.0");

        var found = await AzuriteInstallation.EnsureInstalledAsync(_root, installIfMissing: false, NullLogger.Instance);

        Assert.Equal(entryScript, found);
    }

    [Fact]
    public async Task With_no_Azurite_and_no_package_json_asking_for_it_the_error_says_how_to_add_it()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AzuriteInstallation.EnsureInstalledAsync(_root, installIfMissing: true, NullLogger.Instance));

        Assert.Contains("npm install --save-dev azurite", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_npm_beside_the_package_json_that_asks_for_Azurite_when_node_modules_lacks_it()
    {
        // A local folder stands in for the registry package: npm links it in a second, with no network and no 30 MB download.
        var package = Directory.CreateDirectory(Path.Combine(_root, "vendor", "azurite")).FullName;
        WriteStandInPackage(package, PinnedVersion);
        var project = Directory.CreateDirectory(Path.Combine(_root, "site")).FullName;
        File.WriteAllText(Path.Combine(project, "package.json"), """{ "name": "site", "private": true, "devDependencies": { "azurite": "file:../vendor/azurite" } }""");
        var nested = Directory.CreateDirectory(Path.Combine(project, "tools", "bin")).FullName;
        var expected = Path.Combine(project, "node_modules", "azurite", "dist", "src", "azurite.js");

        // No lock file: npm install, which writes one. Two at once: the second waits for the first, then finds its work done.
        var stopwatch = Stopwatch.StartNew();
        var installed = await Task.WhenAll(
            AzuriteInstallation.EnsureInstalledAsync(nested, installIfMissing: true, NullLogger.Instance),
            AzuriteInstallation.EnsureInstalledAsync(project, installIfMissing: true, NullLogger.Instance));
        output.WriteLine($"npm install took {stopwatch.Elapsed.TotalSeconds:0.0} s.");

        Assert.All(installed, entryScript => Assert.Equal(expected, entryScript));
        Assert.True(File.Exists(Path.Combine(project, "package-lock.json")));

        // With the lock file npm wrote: npm ci.
        Directory.Delete(Path.Combine(project, "node_modules"), recursive: true);
        stopwatch.Restart();
        var reinstalled = await AzuriteInstallation.EnsureInstalledAsync(nested, installIfMissing: true, NullLogger.Instance);
        output.WriteLine($"npm ci took {stopwatch.Elapsed.TotalSeconds:0.0} s.");

        Assert.Equal(expected, reinstalled);
        Assert.True(File.Exists(reinstalled));
    }

    private static void WriteProject(string folder, string? lockedVersion)
    {
        File.WriteAllText(Path.Combine(folder, "package.json"), $$"""{ "name": "site", "devDependencies": { "azurite": "{{PinnedVersion}}" } }""");
        if (lockedVersion is not null)
        {
            File.WriteAllText(
                Path.Combine(folder, "package-lock.json"),
                $$"""{ "lockfileVersion": 3, "packages": { "": {}, "node_modules/azurite": { "version": "{{lockedVersion}}" } } }""");
        }
    }

    private static string WriteInstalledPackage(string folder, string version) =>
        WriteStandInPackage(Directory.CreateDirectory(Path.Combine(folder, "node_modules", "azurite")).FullName, version);

    // A stand-in for the package: the manifest and the entry script it names are all the search looks at.
    private static string WriteStandInPackage(string packageFolder, string version)
    {
        File.WriteAllText(
            Path.Combine(packageFolder, "package.json"),
            $$"""{ "name": "azurite", "version": "{{version}}", "bin": { "azurite": "./dist/src/azurite.js" } }""");
        var entryScript = Path.Combine(Directory.CreateDirectory(Path.Combine(packageFolder, "dist", "src")).FullName, "azurite.js");
        File.WriteAllText(entryScript, "// stand-in");
        return entryScript;
    }
}
