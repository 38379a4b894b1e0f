namespace ContentPipeline.Storage.Catalog;

/// <summary>Where an article stands in the pipeline.</summary>
public enum ArticleStatus
{
    /// <summary>The source is stored; its page is not rendered yet.</summary>
    Pending,

    /// <summary>The page for the current source is on the site.</summary>
    Published,

    /// <summary>The current source could not be rendered; see the entry's error. An earlier page, if any, stays up.</summary>
    Failed,

    /// <summary>The source says <c>draft: true</c>: it has no page and is not listed.</summary>
    Draft,

    /// <summary>The source is dated in the future: its page is published when the date passes.</summary>
    Scheduled,
}
