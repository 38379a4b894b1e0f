using ContentPipeline.Cli.Api;
using ContentPipeline.Cli.Files;
using ContentPipeline.Cli.Output;
using ContentPipeline.Cli.Publishing;
using ContentPipeline.Cli.Targets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Commands;

/// <summary><c>cpipe publish &lt;paths&gt;</c>: publishes what changed, waits for each outcome, prints a summary.</summary>
internal sealed class PublishCommand(IAnsiConsole console, CliEnvironment environment) : AsyncCommand<PublishSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PublishSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.Options;
        if (settings.Prune && !Directory.Exists(Path.GetFullPath(settings.Paths[0], environment.CurrentDirectory)))
        {
            throw new CliUsageException($"--prune needs a folder, and '{settings.Paths[0]}' is not one.");
        }

        var scan = ArticleFinder.Find(settings.Paths, environment.CurrentDirectory);
        if (settings.Prune && scan.Articles.Count == 0)
        {
            // Almost certainly the wrong folder: pruning from it would take the whole site down.
            console.MarkupLine("[red]Refusing to prune:[/] the folder holds no article, so every article of the site would be unpublished.");
            return ExitCodes.Refused;
        }

        using var clients = TargetClients.For(settings, environment, options);
        var catalog = new CatalogReader(clients.Api, options);
        var known = settings.Prune ? await catalog.ReadAllAsync(cancellationToken) : await catalog.ReadAsync(scan.SlugsToPublish, cancellationToken);

        IReadOnlyList<ArticleInfo> gone = settings.Prune ? Pruner.Gone(known, scan) : [];
        if (gone.Count > 0 && !settings.Yes)
        {
            if (!console.Profile.Capabilities.Interactive)
            {
                console.MarkupLine($"[red]Refusing to prune {gone.Count} article(s) without confirmation:[/] there is no terminal to ask on. Pass --yes to unpublish them.");
                return ExitCodes.Refused;
            }

            console.MarkupLine($"No file in the folder stands for {gone.Count} article(s) of the site:");
            foreach (var article in gone)
            {
                console.MarkupLineInterpolated($"  {article.Slug}  [grey]{article.Title}[/]");
            }

            if (!await new ConfirmationPrompt("Unpublish them?") { DefaultValue = false }.ShowAsync(console, cancellationToken))
            {
                console.MarkupLine("Nothing will be unpublished.");
                gone = [];
            }
        }

        console.MarkupLineInterpolated($"Publishing {scan.Articles.Count} file(s) to {clients.Uploader.Destination}.");
        await using var waiter = new PublicationWaiter(catalog, options, environment.Time);
        var publisher = new FilePublisher(clients.Uploader, waiter, options);
        var pruner = new Pruner(clients.Uploader, options);
        var results = await PublishProgressView.RunAsync(console, scan.Count + gone.Count, async progress =>
        {
            var published = await publisher.PublishAsync(scan, known, progress, cancellationToken);
            var unpublished = await pruner.UnpublishAsync(gone, progress, cancellationToken);
            return published.Concat(unpublished).ToList();
        });

        SummaryTable.Write(console, results);
        return results.Any(r => r.IsFailure) ? ExitCodes.ArticlesFailed : ExitCodes.Success;
    }
}
