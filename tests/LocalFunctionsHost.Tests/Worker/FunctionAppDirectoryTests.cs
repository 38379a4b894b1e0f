using LocalFunctionsHost.App;

namespace LocalFunctionsHost.Tests.Worker;

public sealed class FunctionAppDirectoryTests
{
    [Fact]
    public void A_built_app_folder_gives_its_worker_config_host_json_settings_and_metadata()
    {
        using var folder = new TemporaryAppFolder()
            .With(WorkerConfig.FileName, TemporaryAppFolder.MinimalWorkerConfig)
            .With(HostJsonSettings.FileName, """{ "extensions": { "http": { "routePrefix": "v2" } } }""")
            .With(LocalSettings.FileName, """{ "Values": { "Greeting": "hi" }, "Host": { "LocalHttpPort": 7100 } }""")
            .With(FunctionsMetadataFile.FileName,
                """[ { "name": "Tick", "scriptFile": "Sample.App.dll", "entryPoint": "Sample.App.Tick.Run", "bindings": [ { "name": "t", "type": "timerTrigger", "direction": "In", "schedule": "0 * * * * *" } ] } ]""");

        var app = FunctionAppDirectory.Load(folder.Path);

        Assert.Equal(folder.Path, app.Path);
        Assert.Equal("Sample.App", app.AppName);
        Assert.Equal("dotnet", app.WorkerConfig.ResolveExecutablePath(app.Path));
        Assert.Equal(Path.Combine(folder.Path, "Sample.App.dll"), app.WorkerConfig.ResolveWorkerPath(app.Path));
        Assert.Equal("v2", app.HostJson.RoutePrefix);
        Assert.Equal("hi", app.LocalSettings.Values["Greeting"]);
        Assert.Equal(7100, app.LocalSettings.LocalHttpPort);
        Assert.Equal("Tick", Assert.Single(app.FunctionsMetadata!).Name);
    }

    [Fact]
    public void Only_worker_config_is_required()
    {
        using var folder = new TemporaryAppFolder().With(WorkerConfig.FileName, TemporaryAppFolder.MinimalWorkerConfig);

        var app = FunctionAppDirectory.Load(folder.Path);

        Assert.Equal("api", app.HostJson.RoutePrefix);
        Assert.Empty(app.LocalSettings.Values);
        Assert.Null(app.FunctionsMetadata);
    }

    [Fact]
    public void A_folder_without_worker_config_is_refused_with_what_to_pass_instead()
    {
        using var folder = new TemporaryAppFolder().With(HostJsonSettings.FileName, "{}");

        var error = Assert.Throws<FileNotFoundException>(() => FunctionAppDirectory.Load(folder.Path));

        Assert.Contains("worker.config.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("build output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_refused()
    {
        Assert.Throws<DirectoryNotFoundException>(() => FunctionAppDirectory.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }

    [Fact]
    public void A_self_contained_worker_path_is_resolved_in_the_app_folder()
    {
        var config = new WorkerConfig("dotnet-isolated", "{WorkerRoot}Sample.App", "Sample.App.dll");

        Assert.Equal(Path.Combine("/srv/app", "Sample.App"), config.ResolveExecutablePath("/srv/app"));
    }

    [Fact]
    public void A_worker_config_without_paths_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(
            () => WorkerConfig.Parse("""{ "description": { "language": "dotnet-isolated" } }""", "worker.config.json"));

        Assert.Contains("defaultExecutablePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_folder_resolves_to_its_only_project_file()
    {
        using var folder = new TemporaryAppFolder().With("Sample.App.csproj", "<Project />");

        Assert.Equal(Path.Combine(folder.Path, "Sample.App.csproj"), FunctionAppBuilder.ResolveProjectFile(folder.Path));
    }

    [Fact]
    public void A_project_folder_with_several_projects_is_refused_naming_them()
    {
        using var folder = new TemporaryAppFolder().With("A.csproj", "<Project />").With("B.csproj", "<Project />");

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppBuilder.ResolveProjectFile(folder.Path));

        Assert.Contains("A.csproj", error.Message, StringComparison.Ordinal);
        Assert.Contains("B.csproj", error.Message, StringComparison.Ordinal);
    }
}
