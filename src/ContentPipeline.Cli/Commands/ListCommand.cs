using ContentPipeline.Cli.Api;
using ContentPipeline.Cli.Output;
using ContentPipeline.Cli.Publishing;
using ContentPipeline.Cli.Targets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Commands;

/// <summary><c>cpipe list</c>: the whole catalog, newest first, with views.</summary>
internal sealed class ListCommand(IAnsiConsole console, CliEnvironment environment) : AsyncCommand<TargetSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TargetSettings settings, CancellationToken cancellationToken)
    {
        var options = new PublishOptions();
        using var clients = TargetClients.For(settings, environment, options);
        var articles = await clients.Api.ListArticlesAsync(cancellationToken);
        if (articles.Count == 0)
        {
            console.MarkupLine("The catalog is empty.");
            return ExitCodes.Success;
        }

        var views = await ArticleViewCounts.ReadAsync(clients.Api, articles, options.Parallelism, cancellationToken);
        console.Write(ArticleTables.Catalog(articles, views));
        return ExitCodes.Success;
    }
}
