namespace ContentPipeline.Cli.Publishing;

/// <summary>How a publish run behaves; the defaults suit the local host and a deployed app alike.</summary>
internal sealed class PublishOptions
{
    /// <summary>Uploads in flight at once (waiting for the pipeline is not bounded by this: it is one shared poll).</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>How long an article may stay unfinished after its upload before it is reported as not finished.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Shortest pause between two reads of the articles being waited for. A read that takes longer stretches the
    /// pause to its own length, so a slow API is never polled more than half the time.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Up to this many articles are read one <c>GET</c> each; past it the whole catalog is listed instead (100 a page),
    /// which is fewer requests.
    /// </summary>
    public int SingleReadLimit { get; init; } = 20;
}
