namespace LocalFunctionsHost.Hosting;

/// <summary>Finds the function app to run: an output folder as it is, or a project to build.</summary>
internal static class FunctionAppLocator
{
    public const string WorkerConfigFile = "worker.config.json";

    /// <summary>True when <paramref name="path"/> is a built app (it holds worker.config.json).</summary>
    public static bool IsOutputFolder(string path) => File.Exists(Path.Combine(path, WorkerConfigFile));

    /// <summary>
    /// The project to run: <paramref name="app"/> when given (folder or .csproj), else the one project under
    /// <c>src</c> folder that declares <c>&lt;AzureFunctionsVersion&gt;</c>, looking in the working directory and
    /// then its parents (<c>dotnet run --project</c> may start the host in its own project folder).
    /// </summary>
    public static (string? Path, string? Error) Resolve(string? app, string workingDirectory)
    {
        if (app is { Length: > 0 })
        {
            var full = Path.GetFullPath(app, workingDirectory);
            return File.Exists(full) || Directory.Exists(full)
                ? (full, null)
                : (null, $"--app '{app}' does not exist; give a project folder, a .csproj or a built output folder.");
        }

        var src = Path.Combine(workingDirectory, "src");
        List<string> candidates = [];
        for (var folder = new DirectoryInfo(workingDirectory); folder is not null && candidates.Count == 0; folder = folder.Parent)
        {
            src = Path.Combine(folder.FullName, "src");
            candidates = Directory.Exists(src)
                ? Directory.EnumerateFiles(src, "*.csproj", SearchOption.AllDirectories)
                    .Where(project => File.ReadAllText(project).Contains("<AzureFunctionsVersion>", StringComparison.OrdinalIgnoreCase))
                    .ToList()
                : [];
        }

        return candidates.Count switch
        {
            1 => (candidates[0], null),
            0 => (null, $"No function app project (a .csproj with <AzureFunctionsVersion>) under {src}; pass --app."),
            _ => (null, $"Several function app projects under {src} ({string.Join(", ", candidates.Select(Path.GetFileName))}); pass --app."),
        };
    }

    /// <summary>The newest existing build output of a project, for --no-build.</summary>
    public static string? FindExistingOutput(string project)
    {
        var folder = File.Exists(project) ? Path.GetDirectoryName(project)! : project;
        var bin = Path.Combine(folder, "bin");
        return Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, WorkerConfigFile, SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .Select(Path.GetDirectoryName)
                .FirstOrDefault()
            : null;
    }
}
