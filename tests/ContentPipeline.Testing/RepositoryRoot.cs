using System.Reflection;

namespace ContentPipeline.Testing;

/// <summary>
/// Finds the clone the tests run from, so that they read the repository's own files (samples, node_modules,
/// other projects' build output) whatever the folder the clone was made in.
/// </summary>
public static class RepositoryRoot
{
    private const string MarkerFileName = "Functions.sln";
    private const string TargetFramework = "net10.0";

    public static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' holds {MarkerFileName}; the tests must run from a build inside the repository.");
    }

    /// <summary>
    /// The build output folder of the project in <paramref name="projectFolder"/> (relative to the root, e.g.
    /// <c>src/ContentPipeline.Functions</c>), in the configuration the tests were built with.
    /// </summary>
    public static string BuildOutput(string projectFolder)
    {
        var configuration = typeof(RepositoryRoot).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } built
            ? built
            : "Debug";
        return Path.Combine(Locate(), projectFolder, "bin", configuration, TargetFramework);
    }
}
