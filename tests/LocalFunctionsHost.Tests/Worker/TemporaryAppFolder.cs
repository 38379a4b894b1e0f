namespace LocalFunctionsHost.Tests.Worker;

/// <summary>A scratch folder holding app files written by a test; deleted afterwards.</summary>
internal sealed class TemporaryAppFolder : IDisposable
{
    public const string MinimalWorkerConfig = """
        {
          "description": {
            "language": "dotnet-isolated",
            "extensions": [ ".dll" ],
            "defaultExecutablePath": "dotnet",
            "defaultWorkerPath": "Sample.App.dll",
            "workerIndexing": "true",
            "canUsePlaceholder": true
          }
        }
        """;

    public TemporaryAppFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lfh-app-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TemporaryAppFolder With(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
