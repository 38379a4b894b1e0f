using ContentPipeline.Testing;
using LocalFunctionsHost.App;

namespace LocalFunctionsHost.Tests.Worker;

/// <summary>
/// The build output of <c>tests/LocalFunctionsHost.TestApp</c>, in the same configuration as this test
/// assembly (the test project builds the app without referencing it).
/// </summary>
internal static class TestAppOutput
{
    public static string Directory
    {
        get
        {
            var path = RepositoryRoot.BuildOutput("tests/LocalFunctionsHost.TestApp");
            return File.Exists(Path.Combine(path, WorkerConfig.FileName))
                ? path
                : throw new InvalidOperationException($"The test app is not built at '{path}'; build tests/LocalFunctionsHost.Tests, which builds it.");
        }
    }

    public static FunctionAppDirectory Load() => FunctionAppDirectory.Load(Directory);
}
