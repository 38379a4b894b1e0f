using System.Text.Json;
using ContentPipeline.Infra.Tests.Support;

namespace ContentPipeline.Infra.Tests;

/// <summary>
/// What `azd deploy` uploads is a valid Functions deployment: the app, host.json, the function index, the worker
/// description and the host extensions its triggers need, and no local settings.
/// </summary>
public sealed class PublishLayoutTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    [Fact]
    public void Publish_succeeds()
    {
        Assert.True(app.Publish.ExitCode == 0, $"dotnet publish failed:\n{app.Publish.Output}");
    }

    [Fact]
    public async Task Host_json_is_published_with_the_api_route_prefix()
    {
        using var hostJson = await ReadJsonAsync("host.json");

        Assert.Equal("2.0", hostJson.RootElement.GetProperty("version").GetString());
        Assert.Equal("api", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public async Task Function_index_lists_every_function_of_the_app()
    {
        using var metadata = await ReadJsonAsync("functions.metadata");

        var published = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal);

        Assert.Equal(AppSurface.Functions().Select(f => f.Name).Order(StringComparer.Ordinal), published);
        Assert.All(metadata.RootElement.EnumerateArray(), f => Assert.Equal("ContentPipeline.Functions.dll", f.GetProperty("scriptFile").GetString()));
    }

    [Fact]
    public async Task Worker_config_starts_the_published_app_with_dotnet()
    {
        using var config = await ReadJsonAsync("worker.config.json");
        var description = config.RootElement.GetProperty("description");

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("dotnet", description.GetProperty("defaultExecutablePath").GetString());
        var workerPath = description.GetProperty("defaultWorkerPath").GetString()!;
        Assert.True(File.Exists(Path.Combine(app.Folder, workerPath)), $"{workerPath} is not published");
        Assert.True(File.Exists(Path.Combine(app.Folder, Path.ChangeExtension(workerPath, ".runtimeconfig.json"))));
    }

    // The blob trigger and the queue trigger run in the host, from these extensions (.azurefunctions/).
    [Theory]
    [InlineData("AzureStorageBlobs", "Microsoft.Azure.WebJobs.Extensions.Storage.Blobs.dll")]
    [InlineData("AzureStorageQueues", "Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll")]
    public async Task Host_extensions_of_the_storage_triggers_are_published(string extension, string assembly)
    {
        using var extensions = await ReadJsonAsync("extensions.json");

        var entry = Assert.Single(extensions.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == extension);
        Assert.Equal($"./.azurefunctions/{assembly}", entry.GetProperty("hintPath").GetString());
        Assert.True(File.Exists(Path.Combine(app.Folder, ".azurefunctions", assembly)), $".azurefunctions/{assembly} is not published");
    }

    [Fact]
    public void Local_settings_are_not_published()
    {
        Assert.True(app.Publish.ExitCode == 0, app.Publish.Output);

        Assert.Empty(Directory.GetFiles(app.Folder, "local.settings.json", SearchOption.AllDirectories));
    }

    private async Task<JsonDocument> ReadJsonAsync(string file)
    {
        Assert.True(app.Publish.ExitCode == 0, $"dotnet publish failed:\n{app.Publish.Output}");
        var path = Path.Combine(app.Folder, file);
        Assert.True(File.Exists(path), $"{file} is not published");
        return JsonDocument.Parse(await File.ReadAllBytesAsync(path));
    }
}
