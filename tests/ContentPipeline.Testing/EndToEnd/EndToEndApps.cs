using LocalFunctionsHost.Hosting;

namespace ContentPipeline.Testing.EndToEnd;

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
    public static string RepositoryRoot => Testing.RepositoryRoot.Locate();

    private static string Output(string projectFolder)
    {
        var path = Testing.RepositoryRoot.BuildOutput(projectFolder);
        return FunctionAppLocator.IsOutputFolder(path)
            ? path
            : throw new InvalidOperationException($"{projectFolder} is not built at '{path}'; build the test project, which builds it without referencing it.");
    }
}
