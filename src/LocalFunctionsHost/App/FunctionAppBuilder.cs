using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.App;

/// <summary>
/// Builds a function app project with the .NET SDK and finds its output folder, so the host can be
/// pointed at a project as well as at a build output.
/// </summary>
/// <param name="logger">Receives the build's output, line by line.</param>
/// <param name="useBuildServers">
/// Whether the SDK may leave its compiler and MSBuild servers running for faster rebuilds (as a
/// developer's own <c>dotnet build</c> does); false leaves no process behind.
/// </param>
internal sealed partial class FunctionAppBuilder(ILogger<FunctionAppBuilder> logger, bool useBuildServers = true)
{
    private const string Configuration = "Debug";

    // Enough of the build's output to explain a failure.
    private const int FailureTailLines = 40;

    /// <summary>
    /// Runs <c>dotnet build</c> on <paramref name="projectPath"/> (a project file, or a folder holding
    /// exactly one) and returns the full path of its output folder.
    /// </summary>
    public async Task<string> BuildAsync(string projectPath, CancellationToken cancellationToken = default)
    {
        var project = ResolveProjectFile(projectPath);
        LogBuilding(project, Configuration);

        var stopwatch = Stopwatch.StartNew();
        List<string> buildArguments = ["build", project, "-c", Configuration, "--nologo", "-v", "q"];
        if (!useBuildServers)
        {
            buildArguments.Add("--disable-build-servers");
        }

        var build = await RunDotnetAsync(buildArguments, echo: true, cancellationToken);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'dotnet build {project}' failed with exit code {build.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, build.Tail(FailureTailLines))}");
        }

        // -getProperty (SDK 8+) evaluates the project without building it again.
        var query = await RunDotnetAsync(
            ["msbuild", project, "-getProperty:TargetPath", $"-p:Configuration={Configuration}", "-nologo", "-nodeReuse:false"], echo: false, cancellationToken);
        var targetPath = query.Lines.Select(line => line.Trim()).LastOrDefault(line => line.Length > 0);
        if (query.ExitCode != 0 || string.IsNullOrEmpty(targetPath) || !Path.IsPathRooted(targetPath))
        {
            throw new InvalidOperationException(
                $"Could not ask MSBuild for the output of '{project}' (exit code {query.ExitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, query.Tail(FailureTailLines))}");
        }

        var outputDirectory = Path.GetDirectoryName(Path.GetFullPath(targetPath))!;
        LogBuilt(project, outputDirectory, stopwatch.ElapsedMilliseconds);
        return outputDirectory;
    }

    internal static string ResolveProjectFile(string projectPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectPath);
        var fullPath = Path.GetFullPath(projectPath);
        if (File.Exists(fullPath))
        {
            return fullPath;
        }

        if (!Directory.Exists(fullPath))
        {
            throw new FileNotFoundException($"There is no project file or folder at '{fullPath}'.", fullPath);
        }

        var projects = Directory.GetFiles(fullPath, "*.csproj");
        return projects.Length switch
        {
            1 => projects[0],
            0 => throw new FileNotFoundException($"The folder '{fullPath}' holds no .csproj; pass the function app's project file.", fullPath),
            _ => throw new InvalidOperationException(
                $"The folder '{fullPath}' holds {projects.Length} project files ({string.Join(", ", projects.Select(Path.GetFileName))}); pass the one to run."),
        };
    }

    private async Task<CommandResult> RunDotnetAsync(IReadOnlyList<string> arguments, bool echo, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Without this the CLI may print its first-run banner into the property query's output.
        startInfo.Environment["DOTNET_NOLOGO"] = "1";

        var result = new CommandResult();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => OnLine(line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException("Could not start 'dotnet'; is the .NET SDK installed and on PATH?", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        result.ExitCode = process.ExitCode;
        return result;

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            result.Add(line);
            if (echo)
            {
                LogBuildOutput(line);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Building {Project} ({Configuration})")]
    private partial void LogBuilding(string project, string configuration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built {Project} into {OutputDirectory} in {ElapsedMilliseconds} ms")]
    private partial void LogBuilt(string project, string outputDirectory, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "dotnet build: {Line}")]
    private partial void LogBuildOutput(string line);

    private sealed class CommandResult
    {
        private readonly List<string> _lines = [];
        private readonly Lock _gate = new();

        public int ExitCode { get; set; }

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_gate)
                {
                    return [.. _lines];
                }
            }
        }

        public void Add(string line)
        {
            lock (_gate)
            {
                _lines.Add(line);
            }
        }

        public IEnumerable<string> Tail(int count)
        {
            var lines = Lines;
            return lines.Count == 0 ? ["(no output)"] : lines.Skip(Math.Max(0, lines.Count - count));
        }
    }
}
