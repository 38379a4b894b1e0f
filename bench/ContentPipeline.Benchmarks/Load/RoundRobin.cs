namespace ContentPipeline.Benchmarks.Load;

/// <summary>Hands out items in turn to any number of concurrent callers.</summary>
internal sealed class RoundRobin<T>(IReadOnlyList<T> items)
{
    private long next = -1;

    public T Next() => items[(int)((ulong)Interlocked.Increment(ref next) % (ulong)items.Count)];
}
