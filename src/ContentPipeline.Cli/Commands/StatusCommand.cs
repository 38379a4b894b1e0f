using System.Globalization;
using ContentPipeline.Cli.Api;
using ContentPipeline.Cli.Output;
using ContentPipeline.Cli.Publishing;
using ContentPipeline.Cli.Targets;
using ContentPipeline.Core.Slugs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Commands;

/// <summary><c>cpipe status [slug]</c>: one article in full, or what in the catalog needs attention.</summary>
internal sealed class StatusCommand(IAnsiConsole console, CliEnvironment environment) : AsyncCommand<StatusSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StatusSettings settings, CancellationToken cancellationToken)
    {
        var options = new PublishOptions();
        using var clients = TargetClients.For(settings, environment, options);
        if (settings.Slug is { } text)
        {
            if (!Slug.TryParse(text, out var slug, out var problem))
            {
                throw new CliUsageException(problem);
            }

            if (await clients.Api.GetArticleAsync(slug, cancellationToken) is not { } article)
            {
                console.MarkupLineInterpolated($"[red]There is no article '{slug.Value}'.[/] 'cpipe list' shows the articles there are.");
                return ExitCodes.ArticlesFailed;
            }

            console.Write(ArticleTables.Details(article));
            return ExitCodes.Success;
        }

        var articles = await clients.Api.ListArticlesAsync(cancellationToken);
        var counts = articles.GroupBy(a => a.Status, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"[{OutcomeLabels.StatusColour(g.Key)}]{g.Count()} {Markup.Escape(g.Key)}[/]"));
        console.MarkupLine(articles.Count == 0 ? "The catalog is empty." : $"{articles.Count} article(s): {string.Join(", ", counts)}.");
        var attention = articles.Where(a => a.Status != ArticleStatuses.Published).ToList();
        if (attention.Count > 0)
        {
            console.Write(ArticleTables.Attention(attention));
        }

        return ExitCodes.Success;
    }
}
