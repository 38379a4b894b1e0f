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
    /// How long a count answered to a counting request may reuse this instance's last read of the stored total
    /// (plus the views it committed since). Views other instances commit meanwhile show up after at most this long.
    /// </summary>
    public TimeSpan TotalRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long "this article is published, its views count" is remembered before the catalog is asked again.</summary>
    public TimeSpan CountableCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
