using ContentPipeline.Cli.Api;
using ContentPipeline.Cli.Files;
using ContentPipeline.Cli.Output;
using ContentPipeline.Cli.Publishing;
using ContentPipeline.Cli.Targets;
using ContentPipeline.Cli.Watching;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Commands;

/// <summary>
/// <c>cpipe watch &lt;folder&gt;</c>: publishes each article file as it is saved, once its burst of writes is over,
/// and prints the result with the page's URL. Runs until Ctrl+C.
/// </summary>
internal sealed class WatchCommand(IAnsiConsole console, CliEnvironment environment) : AsyncCommand<WatchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, WatchSettings settings, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(settings.Folder, environment.CurrentDirectory);
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"'{settings.Folder}' is not a folder.");
        }

        var options = settings.Options;
        using var clients = TargetClients.For(settings, environment, options);
        var catalog = new CatalogReader(clients.Api, options);
        await using var waiter = new PublicationWaiter(catalog, options, environment.Time);
        var publisher = new FilePublisher(clients.Uploader, waiter, options);
        var lines = new ResultLines(console);

        using var debouncer = new ChangeDebouncer(TimeSpan.FromMilliseconds(settings.DebounceMilliseconds), environment.Time);
        using var watcher = new ArticleFolderWatcher(folder, debouncer.Notify, deleted => console.MarkupLineInterpolated(
            $"[grey]deleted    {Path.GetRelativePath(folder, deleted)}  (still on the site; 'cpipe publish --prune' unpublishes it)[/]"));
        console.MarkupLineInterpolated($"Watching {folder} and publishing to {clients.Uploader.Destination}; Ctrl+C stops.");

        try
        {
            await foreach (var path in debouncer.ReadAllAsync(cancellationToken))
            {
                // Editors' temporary files come and go within the quiet period; only what is still there is published.
                if (File.Exists(path))
                {
                    await PublishAsync(publisher, catalog, ArticleFinder.Find([path], folder), lines, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("Stopped watching.");
        }

        return ExitCodes.Success;
    }

    private async Task PublishAsync(FilePublisher publisher, CatalogReader catalog, ArticleScan scan, ResultLines lines, CancellationToken cancellationToken)
    {
        try
        {
            var known = await catalog.ReadAsync(scan.SlugsToPublish, cancellationToken);
            await publisher.PublishAsync(scan, known, lines, cancellationToken);
        }
        catch (ApiException ex)
        {
            // A watch outlives an API restart: say what happened and keep watching; the next save tries again.
            console.MarkupLineInterpolated($"[red]error[/]      {ex.Message}");
        }
    }
}
