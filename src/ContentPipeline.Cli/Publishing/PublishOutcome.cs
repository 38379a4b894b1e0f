namespace ContentPipeline.Cli.Publishing;

/// <summary>How one file (or, pruning, one article) ended.</summary>
internal enum PublishOutcome
{
    /// <summary>The page is on the site.</summary>
    Published,

    /// <summary>The site already had these bytes; nothing was sent.</summary>
    Unchanged,

    /// <summary>The source says <c>draft: true</c>: accepted, and deliberately not on the site.</summary>
    Draft,

    /// <summary>The source is dated in the future: its page appears when the date passes.</summary>
    Scheduled,

    /// <summary>The file cannot be published as it is; the reason says why.</summary>
    Failed,

    /// <summary>The pipeline had not finished with the upload when the time ran out.</summary>
    NotFinished,

    /// <summary>Its file is gone and the article was taken off the site (pruning).</summary>
    Unpublished,
}
