using LocalFunctionsHost.App;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Tests.Worker;

public sealed class WorkerProcessTests
{
    [Fact]
    public void The_worker_environment_has_the_app_settings_the_app_folder_and_the_callers_overrides()
    {
        using var folder = new TemporaryAppFolder()
            .With(WorkerConfig.FileName, TemporaryAppFolder.MinimalWorkerConfig)
            .With(LocalSettings.FileName,
                """{ "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "Greeting": "hi", "AlreadySet": "from-file" }, "ConnectionStrings": { "Sql": "Server=x" } }""");
        var app = FunctionAppDirectory.Load(folder.Path);
        var inherited = new Dictionary<string, string> { ["AlreadySet"] = "from-shell" };
        var extra = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1" };

        var environment = WorkerProcess.BuildEnvironment(app, extra, name => inherited.GetValueOrDefault(name));

        Assert.Equal("hi", environment["Greeting"]);
        Assert.Equal("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1", environment["AzureWebJobsStorage"]);
        Assert.False(environment.ContainsKey("AlreadySet"), "Like Core Tools, local settings do not override the host's environment.");
        Assert.Equal("Server=x", environment["ConnectionStrings__Sql"]);
        Assert.Equal(folder.Path, environment["FUNCTIONS_APPLICATION_DIRECTORY"]);
        Assert.Equal(folder.Path, environment["FUNCTIONS_WORKER_DIRECTORY"]);
        Assert.Equal("dotnet-isolated", environment["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("Development", environment["AZURE_FUNCTIONS_ENVIRONMENT"]);
    }

    [Fact]
    public void The_worker_arguments_are_the_functions_switches_the_worker_reads()
    {
        var arguments = WorkerProcess.BuildArguments(new Uri("http://127.0.0.1:5000/"), "worker-1", "request-1");

        Assert.Equal(
            [
                "--functions-uri", "http://127.0.0.1:5000/",
                "--functions-worker-id", "worker-1",
                "--functions-request-id", "request-1",
                "--functions-grpc-max-message-length", "2147483647",
            ],
            arguments);
    }
}
