using System.Text.Json;

namespace LocalFunctionsHost.App;

/// <summary>
/// <c>host.json</c> <c>extensions.blobs</c>, resolved with the blob extension's defaults.
/// </summary>
/// <param name="MaxDegreeOfParallelism">Concurrent blob-trigger invocations; the extension's default is 8 per CPU.</param>
/// <param name="PoisonBlobThreshold">Attempts before a blob's message goes to the poison queue; default 5.</param>
internal sealed record BlobsExtensionSettings(int MaxDegreeOfParallelism, int PoisonBlobThreshold)
{
    public const int DefaultPoisonBlobThreshold = 5;

    public static int DefaultMaxDegreeOfParallelism => 8 * Environment.ProcessorCount;

    public static BlobsExtensionSettings From(JsonElement? section)
    {
        var parallelism = section is { } s1 ? JsonFileOptions.GetInt32(s1, "maxDegreeOfParallelism") : null;
        var threshold = section is { } s2 ? JsonFileOptions.GetInt32(s2, "poisonBlobThreshold") : null;
        return new BlobsExtensionSettings(
            parallelism is > 0 ? parallelism.Value : DefaultMaxDegreeOfParallelism,
            threshold is > 0 ? threshold.Value : DefaultPoisonBlobThreshold);
    }
}
