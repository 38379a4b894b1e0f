using System.Diagnostics;
using System.Text.Json;

namespace ContentPipeline.Testing;

/// <summary>
/// Makes sure node_modules holds the Azurite that package-lock.json pins, running <c>npm ci</c> when it does not.
/// </summary>
internal static class AzuriteInstallation
{
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns the full path of Azurite's command-line entry script.</summary>
    public static async Task<string> EnsureInstalledAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        var pinnedVersion = ReadPinnedVersion(repositoryRoot);
        if (TryFindEntryScript(repositoryRoot, pinnedVersion) is { } installed)
        {
            return installed;
        }

        // Test assemblies run in parallel processes; two npm ci in one folder delete each other's files.
        await using (await AcquireInstallLockAsync(repositoryRoot, cancellationToken).ConfigureAwait(false))
        {
            if (TryFindEntryScript(repositoryRoot, pinnedVersion) is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            await RunNpmCiAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
        }

        return TryFindEntryScript(repositoryRoot, pinnedVersion)
            ?? throw new InvalidOperationException(
                $"npm ci succeeded but node_modules/azurite is not version {pinnedVersion} with an 'azurite' entry script.");
    }

    private static string ReadPinnedVersion(string repositoryRoot)
    {
        var lockFilePath = Path.Combine(repositoryRoot, "package-lock.json");
        using var lockFile = JsonDocument.Parse(File.ReadAllBytes(lockFilePath));
        if (lockFile.RootElement.TryGetProperty("packages", out var packages)
            && packages.TryGetProperty("node_modules/azurite", out var azurite)
            && azurite.TryGetProperty("version", out var version)
            && version.GetString() is { Length: > 0 } pinned)
        {
            return pinned;
        }

        throw new InvalidOperationException($"{lockFilePath} does not pin azurite; run 'npm install' at the repository root.");
    }

    // The lock file, not the package.json range, says what npm ci installs, so a version bump is noticed.
    private static string? TryFindEntryScript(string repositoryRoot, string pinnedVersion)
    {
        var packageDirectory = Path.Combine(repositoryRoot, "node_modules", "azurite");
        var manifestPath = Path.Combine(packageDirectory, "package.json");
        if (!File.Exists(manifestPath))
        {
            return null;
        }

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var root = manifest.RootElement;
        if (!root.TryGetProperty("version", out var version) || version.GetString() != pinnedVersion)
        {
            return null;
        }

        if (!root.TryGetProperty("bin", out var bin) || bin.ValueKind != JsonValueKind.Object
            || !bin.TryGetProperty("azurite", out var entry) || entry.GetString() is not { Length: > 0 } relativeEntry)
        {
            return null;
        }

        var entryScript = Path.GetFullPath(Path.Combine(packageDirectory, relativeEntry));
        return File.Exists(entryScript) ? entryScript : null;
    }

    private static async Task<FileStream> AcquireInstallLockAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        // Not inside node_modules: npm ci deletes that folder, and with it a lock another process would then re-create.
        var lockDirectory = Path.Combine(repositoryRoot, "obj");
        Directory.CreateDirectory(lockDirectory);
        var lockPath = Path.Combine(lockDirectory, "azurite-npm-ci.lock");

        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task RunNpmCiAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new ProcessOutputLog();
        using var npm = output.Start(startInfo, "npm");
        try
        {
            await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci did not finish in time.{Environment.NewLine}{output}");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed with exit code {npm.ExitCode}.{Environment.NewLine}{output}");
        }
    }
}
