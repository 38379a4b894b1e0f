using System.Reflection;
using LocalFunctionsHost.App;

namespace LocalFunctionsHost.Tests.Worker;

/// <summary>
/// The build output of <c>tests/LocalFunctionsHost.TestApp</c>, in the same configuration as this test
/// assembly (the test project builds the app without referencing it).
/// </summary>
internal static class TestAppOutput
{
    private const string MarkerFileName = "Functions.sln";

    public static string Directory
    {
        get
        {
            var configuration = typeof(TestAppOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(RepositoryRoot(), "tests", "LocalFunctionsHost.TestApp", "bin", configuration, "net10.0");
            return File.Exists(Path.Combine(path, WorkerConfig.FileName))
                ? path
                : throw new InvalidOperationException($"The test app is not built at '{path}'; build tests/LocalFunctionsHost.Tests, which builds it.");
        }
    }

    public static FunctionAppDirectory Load() => FunctionAppDirectory.Load(Directory);

    private static string RepositoryRoot()
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
