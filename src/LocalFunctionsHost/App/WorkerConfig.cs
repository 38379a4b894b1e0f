using System.Text.Json;

namespace LocalFunctionsHost.App;

/// <summary>
/// The <c>description</c> of a built app's <c>worker.config.json</c>: how to launch its worker.
/// The Functions SDK writes it at build time; for a framework-dependent app it says
/// <c>dotnet</c> and <c>&lt;App&gt;.dll</c>.
/// </summary>
internal sealed record WorkerConfig(string Language, string DefaultExecutablePath, string DefaultWorkerPath)
{
    public const string FileName = "worker.config.json";

    // The SDK writes this placeholder for self-contained apps, whose executable lives in the app folder.
    private const string WorkerRootPlaceholder = "{WorkerRoot}";

    /// <summary>The executable to start: a bare name (searched on PATH) or a full path.</summary>
    public string ResolveExecutablePath(string appDirectory) => ResolvePath(DefaultExecutablePath, appDirectory, keepBareName: true);

    /// <summary>The full path of the worker assembly (the argument after the executable).</summary>
    public string ResolveWorkerPath(string appDirectory) => ResolvePath(DefaultWorkerPath, appDirectory, keepBareName: false);

    public static WorkerConfig Parse(string json, string sourceDescription)
    {
        using var document = JsonDocument.Parse(json, JsonFileOptions.Document);
        if (!JsonFileOptions.TryGetProperty(document.RootElement, "description", out var description)
            || description.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{sourceDescription} has no 'description' object; is it a Functions worker.config.json?");
        }

        var language = JsonFileOptions.GetString(description, "language") ?? "dotnet-isolated";
        var executable = JsonFileOptions.GetString(description, "defaultExecutablePath");
        var worker = JsonFileOptions.GetString(description, "defaultWorkerPath");
        if (string.IsNullOrWhiteSpace(executable) || string.IsNullOrWhiteSpace(worker))
        {
            throw new InvalidDataException(
                $"{sourceDescription} must set description.defaultExecutablePath and description.defaultWorkerPath; rebuild the app with the Functions worker SDK.");
        }

        return new WorkerConfig(language, executable, worker);
    }

    private static string ResolvePath(string value, string appDirectory, bool keepBareName)
    {
        var path = value.Replace(WorkerRootPlaceholder, appDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        // "dotnet" stays a bare name so the OS finds it on PATH; "App.dll" is relative to the app folder.
        var isBareName = path.IndexOfAny(['/', '\\']) < 0;
        return keepBareName && isBareName ? path : Path.GetFullPath(Path.Combine(appDirectory, path));
    }
}
