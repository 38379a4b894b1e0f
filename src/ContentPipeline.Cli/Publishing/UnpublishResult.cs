namespace ContentPipeline.Cli.Publishing;

/// <summary>What unpublishing one article did.</summary>
internal enum UnpublishResult
{
    /// <summary>The API removed the source, page, views and catalog row.</summary>
    Unpublished,

    /// <summary>The source was deleted from storage; the pipeline takes the page down (Event Grid at once, reconciliation within a minute).</summary>
    SourceDeleted,

    /// <summary>There was nothing to remove any more.</summary>
    NotFound,
}
