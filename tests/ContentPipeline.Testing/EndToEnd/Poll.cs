namespace ContentPipeline.Testing.EndToEnd;

/// <summary>Waits for something the host does in the background, asking again every few milliseconds until a deadline.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Calls <paramref name="probe"/> until it returns a value; throws <see cref="TimeoutException"/> naming
    /// <paramref name="what"/> if none came within <paramref name="timeout"/>. A probe that hangs is cancelled at the deadline.
    /// </summary>
    public static async Task<T> UntilAsync<T>(string what, TimeSpan timeout, Func<CancellationToken, Task<T?>> probe)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (await probe(deadline.Token) is { } value)
                {
                    return value;
                }

                await Task.Delay(Interval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0.#} s.");
        }
    }
}
