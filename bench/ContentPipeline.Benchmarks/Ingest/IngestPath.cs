namespace ContentPipeline.Benchmarks.Ingest;

/// <summary>A way an article reaches the pipeline, and the moment its latency is counted from.</summary>
internal sealed record IngestPath(string Name, string SlugPrefix, string From)
{
    /// <summary><c>PUT /api/articles/{slug}</c>; counted from its 202.</summary>
    public static IngestPath Api { get; } = new("PUT /api/articles", "ingest-put-", "the PUT's 202");

    /// <summary>A blob written straight into the articles container through the host's blob endpoint; counted from the write's answer.</summary>
    public static IngestPath DirectBlob { get; } = new("direct blob write", "ingest-blob-", "the blob write's answer");
}
