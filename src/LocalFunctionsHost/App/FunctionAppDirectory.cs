namespace LocalFunctionsHost.App;

/// <summary>
/// A built function app's output folder and the files the host reads from it:
/// <c>worker.config.json</c> (how to launch), <c>host.json</c>, <c>local.settings.json</c> and,
/// when present, <c>functions.metadata</c>.
/// </summary>
internal sealed class FunctionAppDirectory
{
    private FunctionAppDirectory(
        string path,
        WorkerConfig workerConfig,
        HostJsonSettings hostJson,
        LocalSettings localSettings,
        IReadOnlyList<FunctionMetadataDefinition>? functionsMetadata)
    {
        Path = path;
        WorkerConfig = workerConfig;
        HostJson = hostJson;
        LocalSettings = localSettings;
        FunctionsMetadata = functionsMetadata;
    }

    /// <summary>The folder's full path (the worker's working directory and script root).</summary>
    public string Path { get; }

    public WorkerConfig WorkerConfig { get; }

    /// <summary>host.json, or <see cref="HostJsonSettings.Empty"/> when the app has none.</summary>
    public HostJsonSettings HostJson { get; }

    /// <summary>local.settings.json, or <see cref="LocalSettings.Empty"/> when the app has none.</summary>
    public LocalSettings LocalSettings { get; }

    /// <summary>functions.metadata, or null when the build wrote none.</summary>
    public IReadOnlyList<FunctionMetadataDefinition>? FunctionsMetadata { get; }

    /// <summary>The app's name: its worker assembly's file name without extension.</summary>
    public string AppName => System.IO.Path.GetFileNameWithoutExtension(WorkerConfig.DefaultWorkerPath);

    public static FunctionAppDirectory Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(fullPath))
        {
            throw new DirectoryNotFoundException($"The function app folder '{fullPath}' does not exist; build the app first (dotnet build) or pass its project.");
        }

        var workerConfigPath = System.IO.Path.Combine(fullPath, WorkerConfig.FileName);
        if (!File.Exists(workerConfigPath))
        {
            throw new FileNotFoundException(
                $"'{fullPath}' holds no {WorkerConfig.FileName}, so it is not a built .NET isolated function app; pass the app's build output folder (bin/<configuration>/<framework>) or its project.",
                workerConfigPath);
        }

        var workerConfig = WorkerConfig.Parse(File.ReadAllText(workerConfigPath), workerConfigPath);
        var hostJson = HostJsonSettings.Load(System.IO.Path.Combine(fullPath, HostJsonSettings.FileName));
        var localSettings = LocalSettings.Load(System.IO.Path.Combine(fullPath, LocalSettings.FileName));
        var metadataPath = System.IO.Path.Combine(fullPath, FunctionsMetadataFile.FileName);
        var functionsMetadata = File.Exists(metadataPath) ? FunctionsMetadataFile.Load(metadataPath) : null;

        return new FunctionAppDirectory(fullPath, workerConfig, hostJson, localSettings, functionsMetadata);
    }
}
