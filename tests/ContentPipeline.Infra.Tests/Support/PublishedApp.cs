using ContentPipeline.Testing;

namespace ContentPipeline.Infra.Tests.Support;

/// <summary>
/// The function app published as azd publishes it (<c>dotnet publish -c Release</c>), into a temporary folder. Its
/// build goes to a temporary artifacts folder as well, so it never touches the bin and obj folders that other test
/// assemblies, running at the same time, read the app from.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    private readonly string workFolder = Directory.CreateTempSubdirectory("contentpipeline-publish-").FullName;

    public string Folder => Path.Combine(workFolder, "publish");

    public CommandResult Publish { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot.Locate(), "src", "ContentPipeline.Functions", "ContentPipeline.Functions.csproj");
        // The SDK's own dotnet when the tests run under `dotnet test`, else the one on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        Publish = await Command.RunAsync(
            dotnet,
            // No node reuse: the build nodes would otherwise outlive the test run.
            ["publish", project, "--configuration", "Release", "--output", Folder, "--artifacts-path", Path.Combine(workFolder, "artifacts"), "-nologo", "-nodeReuse:false"],
            workFolder,
            Timeout);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(workFolder, recursive: true);
}
