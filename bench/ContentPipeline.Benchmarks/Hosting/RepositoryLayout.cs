using System.Reflection;

namespace ContentPipeline.Benchmarks.Hosting;

/// <summary>Where the clone is and where the app the benchmarks run was built, found from this build's own output folder.</summary>
internal static class RepositoryLayout
{
    private const string MarkerFileName = "Functions.sln";
    private const string TargetFramework = "net10.0";
    private const string FunctionsProjectFolder = "src/ContentPipeline.Functions";

    /// <summary>The configuration this benchmark was built in; the app it runs was built in the same one.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    /// <summary>The clone's root: the host's working directory, where it finds node_modules for Azurite.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds {MarkerFileName}; run the benchmark from a build inside the repository.");
    }

    /// <summary>
    /// The build output of the function app, which building this project builds too (see the .csproj); fails
    /// with what to do if it is missing.
    /// </summary>
    public static string FunctionsOutput()
    {
        var path = Path.Combine(Root(), FunctionsProjectFolder, "bin", Configuration, TargetFramework);
        return File.Exists(Path.Combine(path, "functions.metadata"))
            ? path
            : throw new InvalidOperationException($"The function app is not built at '{path}'; build bench/ContentPipeline.Benchmarks in {Configuration} (dotnet run does), which builds it.");
    }
}
