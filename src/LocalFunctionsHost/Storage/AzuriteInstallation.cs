using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Storage;

/// <summary>
/// Finds Azurite's command-line entry script in a <c>node_modules</c> folder at or above a starting folder,
/// running <c>npm ci</c> (or <c>npm install</c>) beside the <c>package.json</c> that asks for it when it is missing.
/// </summary>
internal static partial class AzuriteInstallation
{
    private const string PackageName = "azurite";
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly string[] DependencySections = ["dependencies", "devDependencies", "optionalDependencies"];

    /// <summary>Returns the full path of Azurite's command-line entry script.</summary>
    /// <exception cref="InvalidOperationException">There is no Azurite to be had above <paramref name="searchDirectory"/>.</exception>
    public static async Task<string> EnsureInstalledAsync(
        string searchDirectory, bool installIfMissing, ILogger logger, CancellationToken cancellationToken = default)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(searchDirectory)); directory is not null; directory = directory.Parent)
        {
            var folder = directory.FullName;
            if (DependsOnAzurite(folder))
            {
                var pinnedVersion = ReadPinnedVersion(folder);
                if (TryFindEntryScript(folder, pinnedVersion) is { } installed)
                {
                    return installed;
                }

                if (!installIfMissing)
                {
                    throw new InvalidOperationException(
                        $"{folder} depends on azurite {pinnedVersion ?? "(any version)"}, but its node_modules lacks it; run 'npm ci' there.");
                }

                return await InstallAsync(folder, pinnedVersion, logger, cancellationToken);
            }

            // A node_modules that holds Azurite without a manifest asking for it (installed by hand, or by a parent project).
            if (TryFindEntryScript(folder, pinnedVersion: null) is { } found)
            {
                return found;
            }
        }

        throw new InvalidOperationException(
            $"Neither node_modules/azurite nor a package.json that depends on azurite is in '{searchDirectory}' or any folder above it; "
            + "add one with 'npm install --save-dev azurite'.");
    }

    private static async Task<string> InstallAsync(string folder, string? pinnedVersion, ILogger logger, CancellationToken cancellationToken)
    {
        // Several hosts or test assemblies may start at once; two npm runs in one folder delete each other's files.
        await using (await AcquireInstallLockAsync(folder, cancellationToken))
        {
            if (TryFindEntryScript(folder, pinnedVersion) is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            // npm ci installs exactly what the lock file pins; without a lock file only npm install can resolve the range.
            string[] arguments = File.Exists(Path.Combine(folder, "package-lock.json"))
                ? ["ci", "--no-audit", "--no-fund"]
                : ["install", "--no-audit", "--no-fund"];
            LogInstalling(logger, arguments[0], folder);
            var stopwatch = Stopwatch.StartNew();
            await RunNpmAsync(folder, arguments, cancellationToken);
            LogInstalled(logger, folder, stopwatch.Elapsed.TotalSeconds);
        }

        return TryFindEntryScript(folder, pinnedVersion)
            ?? throw new InvalidOperationException(
                $"npm succeeded in {folder} but node_modules/azurite is not version {pinnedVersion ?? "(any)"} with an 'azurite' entry script.");
    }

    private static bool DependsOnAzurite(string folder)
    {
        var manifestPath = Path.Combine(folder, "package.json");
        if (!File.Exists(manifestPath))
        {
            return false;
        }

        using var manifest = ParseJson(manifestPath);
        if (manifest is null)
        {
            return false;
        }

        foreach (var section in DependencySections)
        {
            if (manifest.RootElement.TryGetProperty(section, out var dependencies)
                && dependencies.ValueKind == JsonValueKind.Object
                && dependencies.TryGetProperty(PackageName, out _))
            {
                return true;
            }
        }

        return false;
    }

    // The lock file, not the package.json range, says what npm ci installs, so a version bump is noticed.
    private static string? ReadPinnedVersion(string folder)
    {
        var lockFilePath = Path.Combine(folder, "package-lock.json");
        if (!File.Exists(lockFilePath))
        {
            return null;
        }

        using var lockFile = ParseJson(lockFilePath);
        return lockFile is not null
            && lockFile.RootElement.TryGetProperty("packages", out var packages)
            && packages.ValueKind == JsonValueKind.Object
            && packages.TryGetProperty("node_modules/" + PackageName, out var azurite)
            && azurite.TryGetProperty("version", out var version)
            && version.GetString() is { Length: > 0 } pinned
                ? pinned
                : null;
    }

    private static string? TryFindEntryScript(string folder, string? pinnedVersion)
    {
        var packageDirectory = Path.Combine(folder, "node_modules", PackageName);
        var manifestPath = Path.Combine(packageDirectory, "package.json");
        if (!File.Exists(manifestPath))
        {
            return null;
        }

        using var manifest = ParseJson(manifestPath);
        if (manifest is null)
        {
            return null;
        }

        var root = manifest.RootElement;
        if (pinnedVersion is not null
            && (!root.TryGetProperty("version", out var version) || version.GetString() != pinnedVersion))
        {
            return null;
        }

        if (!root.TryGetProperty("bin", out var bin) || bin.ValueKind != JsonValueKind.Object
            || !bin.TryGetProperty(PackageName, out var entry) || entry.GetString() is not { Length: > 0 } relativeEntry)
        {
            return null;
        }

        var entryScript = Path.GetFullPath(Path.Combine(packageDirectory, relativeEntry));
        return File.Exists(entryScript) ? entryScript : null;
    }

    // A half-written manifest (npm is rewriting it right now) counts as absent; the lock and re-check sort that out.
    private static JsonDocument? ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            return null;
        }
    }

    private static async Task<FileStream> AcquireInstallLockAsync(string folder, CancellationToken cancellationToken)
    {
        // In the temp folder, not beside node_modules: npm ci deletes node_modules, and with it a lock another process would then re-create.
        var folderHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"azurite-install-{folderHash}.lock"));

        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetryDelay, cancellationToken);
            }
        }
    }

    private static async Task RunNpmAsync(string folder, string[] arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new ProcessOutputLog();
        using var npm = output.Start(startInfo, "npm");
        try
        {
            await npm.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException exception)
        {
            npm.Kill(entireProcessTree: true);
            throw new OperationCanceledException(
                $"npm {arguments[0]} in {folder} was stopped before it finished.{Environment.NewLine}{output}", exception, cancellationToken);
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm {arguments[0]} in {folder} failed with exit code {npm.ExitCode}.{Environment.NewLine}{output}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installing Azurite: npm {NpmCommand} in {Folder}")]
    private static partial void LogInstalling(ILogger logger, string npmCommand, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed Azurite in {Folder} in {Seconds:0.0} s")]
    private static partial void LogInstalled(ILogger logger, string folder, double seconds);
}
