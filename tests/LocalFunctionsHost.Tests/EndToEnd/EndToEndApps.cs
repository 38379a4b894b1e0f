using System.Reflection;
using LocalFunctionsHost.Hosting;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// The built function apps the end-to-end tests run, in this test assembly's configuration. The test project
/// builds both without referencing them, and the host runs an output folder as it is (no build).
/// </summary>
internal static class EndToEndApps
{
    private const string MarkerFileName = "Functions.sln";

    /// <summary>The output of <c>tests/LocalFunctionsHost.TestApp</c>.</summary>
    public static string TestApp => Output("tests", "LocalFunctionsHost.TestApp");

    /// <summary>The output of <c>src/ContentPipeline.Functions</c>.</summary>
    public static string ContentPipeline => Output("src", "ContentPipeline.Functions");

    /// <summary>The clone's root: the host's working directory, where it finds node_modules for Azurite.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, MarkerFileName)))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds {MarkerFileName}.");
        }
    }

    private static string Output(string folder, string project)
    {
        var configuration = typeof(EndToEndApps).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot, folder, project, "bin", configuration, "net10.0");
        return FunctionAppLocator.IsOutputFolder(path)
            ? path
            : throw new InvalidOperationException($"{project} is not built at '{path}'; build tests/LocalFunctionsHost.Tests, which builds it.");
    }
}
