using ContentPipeline.Cli.Publishing;

namespace ContentPipeline.Cli.Output;

/// <summary>How outcomes and statuses are written: one lowercase word, and a colour where the console has them.</summary>
internal static class OutcomeLabels
{
    public static string Word(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.Published => "published",
        PublishOutcome.Unchanged => "unchanged",
        PublishOutcome.Draft => "draft",
        PublishOutcome.Scheduled => "scheduled",
        PublishOutcome.Failed => "failed",
        PublishOutcome.NotFinished => "unfinished",
        PublishOutcome.Unpublished => "unpublished",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Colour(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.Published => "green",
        PublishOutcome.Failed or PublishOutcome.NotFinished => "red",
        PublishOutcome.Draft or PublishOutcome.Scheduled or PublishOutcome.Unpublished => "yellow",
        _ => "grey",
    };

    /// <summary>The outcome as a Spectre markup word, padded so that lines line up.</summary>
    public static string Markup(PublishOutcome outcome) => $"[{Colour(outcome)}]{Word(outcome),-11}[/]";

    /// <summary>The colour of an API status (<c>published</c>, <c>failed</c>, …).</summary>
    public static string StatusColour(string status) => status switch
    {
        "published" => "green",
        "failed" => "red",
        "pending" => "blue",
        _ => "yellow",
    };
}
