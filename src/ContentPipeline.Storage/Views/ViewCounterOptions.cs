namespace ContentPipeline.Storage.Views;

/// <summary>Tuning of the view counter, bound from <see cref="SectionName"/>. The defaults suit production.</summary>
public sealed class ViewCounterOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "ContentPipeline:Views";

    /// <summary>
    /// How old a delta row must be before compaction folds it into the total. It must exceed the longest time a
    /// delta write can still be retried (<see cref="ViewCounterTable.MaxWriteWindow"/>); otherwise a retry could
    /// re-insert a delta that was already folded in and deleted, and count it twice.
    /// </summary>
    public TimeSpan CompactionAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Compaction is started in the background once this many deltas of one article were written since the last one.</summary>
    public int CompactionThreshold { get; set; } = 200;

    /// <summary>
    /// How old this instance's read of an article's stored total may get before it is read again in the background.
    /// Counting requests are answered from that read plus the views the instance committed since, so views other
    /// instances commit show up in their answers after about this long (GET always reads the exact total).
    /// </summary>
    public TimeSpan TotalRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long "this article is published, its views count" is remembered before the catalog is asked again.</summary>
    public TimeSpan CountableCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
