using System.Reflection;

namespace ContentPipeline.Infra.Tests.Support;

/// <summary>
/// The Bicep CLI of the NuGet package Azure.Bicep.CommandLine.linux-x64, which the test project restores; its path is
/// baked into the test assembly at build time (see the project file).
/// </summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Path
    {
        get
        {
            var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The Bicep CLI is not at '{path}'. It comes from the NuGet package Azure.Bicep.CommandLine.linux-x64 (Linux x64 only); run dotnet restore.");
            }

            return path;
        }
    }

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var path = Path;
        // NuGet keeps the executable bit of package files on most setups, but not all: restore it if it was lost.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return Command.RunAsync(path, arguments, workingDirectory, Timeout);
    }
}
