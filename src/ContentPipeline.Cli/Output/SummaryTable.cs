using System.Globalization;
using ContentPipeline.Cli.Publishing;
using Spectre.Console;

namespace ContentPipeline.Cli.Output;

/// <summary>
/// The end of a run: a table of every file that changed something or needs attention (published, draft,
/// scheduled, failed with the file and line and the reason, unfinished, unpublished), then the counts. Files the
/// site already had are only counted, so a re-run of a large folder stays short.
/// </summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ArticleResult> results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        var shown = results
            .Where(r => r.Outcome != PublishOutcome.Unchanged || r.Reason is not null)
            .OrderBy(r => r.IsFailure ? 0 : 1)
            .ThenBy(r => r.File.Length == 0 ? r.Slug : r.File, StringComparer.Ordinal)
            .ToList();
        if (shown.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Outcome", "File", "Slug", "Page or reason");
            foreach (var result in shown)
            {
                table.AddRow(
                    new Markup(OutcomeLabels.Markup(result.Outcome).TrimEnd()),
                    new Text(result.File.Length > 0 ? result.Location : "(file gone)"),
                    new Text(result.Slug ?? ""),
                    new Text(result.Url?.ToString() ?? result.Reason ?? ""));
            }

            console.Write(table);
        }

        console.MarkupLine(Counts(results));
    }

    /// <summary>"3 published, 197 unchanged, 1 failed": every outcome that occurred, in a fixed order.</summary>
    public static string Counts(IReadOnlyList<ArticleResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return "No articles found.";
        }

        var parts = Enum.GetValues<PublishOutcome>()
            .Select(outcome => (Outcome: outcome, Count: results.Count(r => r.Outcome == outcome)))
            .Where(c => c.Count > 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"[{OutcomeLabels.Colour(c.Outcome)}]{c.Count} {OutcomeLabels.Word(c.Outcome)}[/]"));
        return string.Join(", ", parts) + ".";
    }
}
