using Azure;

namespace ContentPipeline.Storage.Views;

/// <summary>
/// The stored rows of one article's counter: the compacted total, the deltas written since, and which deltas the
/// total already includes (compaction folds deltas in first and deletes them after, so for a moment both exist).
/// </summary>
public sealed record ViewRows(long Compacted, IReadOnlySet<string> Absorbed, ETag? TotalETag, IReadOnlyList<ViewDelta> Deltas)
{
    /// <summary>A counter with no rows.</summary>
    public static ViewRows Empty { get; } = new(0, new HashSet<string>(), null, []);

    /// <summary>The number of views: the compacted total plus every delta it does not already include.</summary>
    public long Total => Compacted + Deltas.Where(delta => !Absorbed.Contains(delta.RowKey)).Sum(delta => delta.Views);
}

/// <summary>One committed batch of views.</summary>
public sealed record ViewDelta(string RowKey, long Views);
