using ContentPipeline.Cli.Api;
using ContentPipeline.Cli.Files;
using ContentPipeline.Core.Articles;

namespace ContentPipeline.Cli.Publishing;

/// <summary>The outcome of one file, with what an editor needs next: the page's URL, or the reason and the line.</summary>
/// <param name="File">The file as shown to the editor (empty for an article pruned because its file is gone).</param>
/// <param name="Slug">The article's slug, when the file has one.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Url">The page, once there is one.</param>
/// <param name="Reason">Why it failed or what is still to happen.</param>
/// <param name="Line">The line of the file the reason is about.</param>
internal sealed record ArticleResult(string File, string? Slug, PublishOutcome Outcome, Uri? Url = null, string? Reason = null, int? Line = null)
{
    /// <summary>True for the outcomes that make the run fail.</summary>
    public bool IsFailure => Outcome is PublishOutcome.Failed or PublishOutcome.NotFinished;

    /// <summary><c>file:line</c> when the reason is about a line, else the file.</summary>
    public string Location => Line is { } line ? $"{File}:{line}" : File;

    public static ArticleResult Problem(FileProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.DisplayPath, problem.Slug?.Value, PublishOutcome.Failed, Reason: problem.Message);
    }

    public static ArticleResult Failed(ArticleFile file, string reason, int? line = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.DisplayPath, file.Slug.Value, PublishOutcome.Failed, Reason: reason, Line: line);
    }

    /// <summary>The result an entry with a final status stands for; <paramref name="unchanged"/> when nothing was sent.</summary>
    public static ArticleResult FromEntry(ArticleFile file, ArticleInfo entry, bool unchanged)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Status)
        {
            case ArticleStatuses.Failed:
                var error = ArticleError.Parse(entry.Error ?? "The pipeline recorded the article as failed without a reason.");
                return Failed(file, error.Message, error.Line);
            case ArticleStatuses.Draft:
                return new(file.DisplayPath, file.Slug.Value, unchanged ? PublishOutcome.Unchanged : PublishOutcome.Draft,
                    Reason: "A draft (draft: true): not on the site.");
            case ArticleStatuses.Scheduled:
                return new(file.DisplayPath, file.Slug.Value, unchanged ? PublishOutcome.Unchanged : PublishOutcome.Scheduled,
                    Reason: $"Scheduled: the page appears on {entry.Date:u}.");
            default:
                return new(file.DisplayPath, file.Slug.Value, unchanged ? PublishOutcome.Unchanged : PublishOutcome.Published, entry.Url);
        }
    }

    public static ArticleResult NotFinished(ArticleFile file, ArticleInfo? lastSeen, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(file);
        var state = lastSeen is null ? "not in the catalog yet" : $"'{lastSeen.Status}' with an older source";
        if (lastSeen is not null && string.Equals(lastSeen.Status, ArticleStatuses.Pending, StringComparison.Ordinal))
        {
            state = "pending";
        }

        return new(file.DisplayPath, file.Slug.Value, PublishOutcome.NotFinished,
            Reason: $"Still {state} after {waited.TotalSeconds:0} s; 'cpipe status {file.Slug.Value}' shows how it ends.");
    }
}
