using System.Reflection;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>
/// Finds files of the Functions app's build output (functions.metadata, host.json): in the Functions project's
/// own output of the same configuration (what the host runs), or else in the test's output, where the project
/// reference copies them. The project's folder comes first because other referenced projects may copy files of
/// the same name into the test's output.
/// </summary>
public static class FunctionsBuildOutput
{
    private const string SolutionFileName = "Functions.sln";
    private const string FunctionsProjectFolder = "src/ContentPipeline.Functions";

    /// <summary>The full path of <paramref name="fileName"/>; fails the test, listing where it looked, if it is in none.</summary>
    public static string Locate(string fileName)
    {
        var candidates = CandidateFolders().Select(folder => Path.Combine(folder, fileName)).ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"{fileName} is in none of: {string.Join(", ", candidates)}. Build the Functions project (dotnet build) first.", fileName);
    }

    /// <summary>The Functions project file.</summary>
    public static string ProjectFile() => Path.Combine(RepositoryRoot(), FunctionsProjectFolder, "ContentPipeline.Functions.csproj");

    private static IEnumerable<string> CandidateFolders()
    {
        // bin/<Configuration>/<TargetFramework>/ of the Functions project, matching this test build.
        if (TryRepositoryRoot() is { } root)
        {
            var targetFramework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)).Name;
            yield return Path.Combine(root, FunctionsProjectFolder, "bin", Configuration(), targetFramework);
        }

        yield return AppContext.BaseDirectory;
    }

    private static string Configuration() =>
        typeof(FunctionsBuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    private static string RepositoryRoot() =>
        TryRepositoryRoot() ?? throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' holds {SolutionFileName}; run the tests from a build inside the repository.");

    private static string? TryRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
