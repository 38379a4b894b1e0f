using LocalFunctionsHost.Hosting;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// The built function apps the end-to-end tests run, in this test assembly's configuration. The test project
/// builds both without referencing them, and the host runs an output folder as it is (no build).
/// </summary>
internal static class EndToEndApps
{
    /// <summary>The output of <c>tests/LocalFunctionsHost.TestApp</c>.</summary>
    public static string TestApp => Output("tests/LocalFunctionsHost.TestApp");

    /// <summary>The output of <c>src/ContentPipeline.Functions</c>.</summary>
    public static string ContentPipeline => Output("src/ContentPipeline.Functions");

    /// <summary>The clone's root: the host's working directory, where it finds node_modules for Azurite.</summary>
    public static string RepositoryRoot => global::ContentPipeline.Testing.RepositoryRoot.Locate();

    private static string Output(string projectFolder)
    {
        var path = global::ContentPipeline.Testing.RepositoryRoot.BuildOutput(projectFolder);
        return FunctionAppLocator.IsOutputFolder(path)
            ? path
            : throw new InvalidOperationException($"{projectFolder} is not built at '{path}'; build tests/LocalFunctionsHost.Tests, which builds it.");
    }
}
