namespace ContentPipeline.Benchmarks.Views;

/// <summary>
/// A way to count with Table Storage directly, measured as a yardstick for the endpoint. <see cref="Rows"/> is
/// how many counter entities one counter has (0: a new row per increment).
/// </summary>
internal sealed record CounterBaseline(string Key, string Title, CounterWrite Write, int Rows)
{
    /// <summary>Read the entity, write it back only if its ETag is unchanged; on 412 back off and start over.</summary>
    public static CounterBaseline EtagSingle { get; } = new("etag1", "(a) ETag RMW, 1 entity", CounterWrite.Conditional, 1);

    /// <summary>The same on one of 16 shard rows picked at random; the count is their sum.</summary>
    public static CounterBaseline EtagSharded { get; } = new("etag16", "(b) ETag RMW, 16 shards", CounterWrite.Conditional, 16);

    /// <summary>Read, then write unconditionally (<c>If-Match: *</c>): fast, and loses every update that raced.</summary>
    public static CounterBaseline Blind { get; } = new("blind", "(c) blind RMW (If-Match *)", CounterWrite.Blind, 1);

    /// <summary>One new entity per increment: the rate of one storage write per view, which no per-view counter beats.</summary>
    public static CounterBaseline BareInsert { get; } = new("insert", "(d) bare insert, 1 row/incr", CounterWrite.Insert, 0);

    public static IReadOnlyList<CounterBaseline> All { get; } = [EtagSingle, EtagSharded, Blind, BareInsert];
}

internal enum CounterWrite
{
    Conditional,
    Blind,
    Insert,
}
