using System.Globalization;
using ContentPipeline.Cli.Api;
using ContentPipeline.Core.Articles;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ContentPipeline.Cli.Output;

/// <summary>The catalog as tables: <c>list</c> shows every article, <c>status</c> one article or what needs attention.</summary>
internal static class ArticleTables
{
    /// <summary>Every article, newest first, with its views.</summary>
    public static Table Catalog(IReadOnlyList<ArticleInfo> articles, IReadOnlyDictionary<string, long> views)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(views);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Slug", "Status", "Title", "Date", "Views", "Page");
        table.Columns[4].RightAligned();
        foreach (var article in articles)
        {
            table.AddRow(
                new Text(article.Slug),
                Status(article.Status),
                new Text(article.Title),
                new Text(article.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
                new Text(views.TryGetValue(article.Slug, out var count) ? count.ToString("N0", CultureInfo.InvariantCulture) : "–"),
                new Text(article.Url?.ToString() ?? ""));
        }

        return table;
    }

    /// <summary>The articles that are not simply published, with the reason (and line) of each failure.</summary>
    public static Table Attention(IReadOnlyList<ArticleInfo> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Slug", "Status", "Source", "Reason");
        foreach (var article in articles)
        {
            var error = article.Error is { } text ? ArticleError.Parse(text) : null;
            var source = error?.Line is { } line ? $"{article.SourceBlob}:{line}" : article.SourceBlob;
            table.AddRow(new Text(article.Slug), Status(article.Status), new Text(source), new Text(error?.Message ?? Waiting(article)));
        }

        return table;
    }

    /// <summary>One article, every field the API gives.</summary>
    public static Grid Details(ArticleInfo article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var error = article.Error is { } text ? ArticleError.Parse(text) : null;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, "Slug", new Text(article.Slug));
        Row(grid, "Title", new Text(article.Title));
        Row(grid, "Status", Status(article.Status));
        if (error is not null)
        {
            Row(grid, "Error", new Text(error.Line is { } line ? $"line {line}: {error.Message}" : error.Message));
        }

        Row(grid, "Page", new Text(article.Url?.ToString() ?? "none"));
        Row(grid, "Views", new Text(article.Views?.ToString("N0", CultureInfo.InvariantCulture) ?? "–"));
        Row(grid, "Date", new Text(article.Date?.ToString("u", CultureInfo.InvariantCulture) ?? "none"));
        Row(grid, "Tags", new Text(article.Tags is { Count: > 0 } tags ? string.Join(", ", tags) : "none"));
        Row(grid, "Author", new Text(article.Author ?? "none"));
        Row(grid, "Source", new Text(article.SourceBlob));
        Row(grid, "Source SHA-256", new Text(article.SourceHash ?? "unknown"));
        Row(grid, "Published at", new Text(article.PublishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never"));
        Row(grid, "Updated at", new Text(article.UpdatedAt.ToString("u", CultureInfo.InvariantCulture)));
        return grid;
    }

    private static void Row(Grid grid, string name, IRenderable value) => grid.AddRow(new Markup($"[bold]{name}[/]"), value);

    private static Markup Status(string status) => new($"[{OutcomeLabels.StatusColour(status)}]{Markup.Escape(status)}[/]");

    private static string Waiting(ArticleInfo article) => article.Status switch
    {
        ArticleStatuses.Pending => "Waiting for the pipeline.",
        ArticleStatuses.Draft => "A draft: not on the site.",
        ArticleStatuses.Scheduled => $"Appears on {article.Date?.ToString("u", CultureInfo.InvariantCulture)}.",
        _ => "",
    };
}
