using ContentPipeline.Testing;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>
/// Finds files of the Functions app's build output (functions.metadata, host.json): in the Functions project's
/// own output of the same configuration (what the host runs), or else in the test's output, where the project
/// reference copies them. The project's folder comes first because other referenced projects may copy files of
/// the same name into the test's output.
/// </summary>
public static class FunctionsBuildOutput
{
    private const string FunctionsProjectFolder = "src/ContentPipeline.Functions";

    /// <summary>The full path of <paramref name="fileName"/>; fails the test, listing where it looked, if it is in none.</summary>
    public static string Locate(string fileName)
    {
        string[] candidates = [Path.Combine(RepositoryRoot.BuildOutput(FunctionsProjectFolder), fileName), Path.Combine(AppContext.BaseDirectory, fileName)];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"{fileName} is in none of: {string.Join(", ", candidates)}. Build the Functions project (dotnet build) first.", fileName);
    }

    /// <summary>The Functions project file.</summary>
    public static string ProjectFile() => Path.Combine(RepositoryRoot.Locate(), FunctionsProjectFolder, "ContentPipeline.Functions.csproj");
}
