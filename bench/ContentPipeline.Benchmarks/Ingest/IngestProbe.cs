using System.Diagnostics;
using System.Net;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ContentPipeline.Benchmarks.Bulk;
using ContentPipeline.Benchmarks.Load;

namespace ContentPipeline.Benchmarks.Ingest;

/// <summary>
/// One upload and the wait for its page: sends the article one way or the other, then asks the site origin for the
/// page every <see cref="PollInterval"/> until it answers 200. The latency runs from the upload's answer to the
/// first 200, so it is late by at most one poll interval plus one request.
/// </summary>
internal sealed class IngestProbe(HttpClient api, HttpClient site, BlobContainerClient articles) : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Uploads <paramref name="article"/> by <paramref name="path"/> and waits until its page is served.</summary>
    public async Task<OperationOutcome> MeasureAsync(IngestPath path, GeneratedArticle article, LatencyRecorder latencies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(latencies);
        if (await UploadAsync(path, article, cancellationToken) is { } failure)
        {
            return OperationOutcome.Failed(failure);
        }

        var accepted = Stopwatch.GetTimestamp();
        var page = new Uri($"articles/{article.Slug}/", UriKind.Relative);
        while (Stopwatch.GetElapsedTime(accepted) < Timeout)
        {
            using var response = await site.GetAsync(page, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                latencies.RecordSince(accepted);
                return OperationOutcome.Succeeded();
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return OperationOutcome.Failed($"{path.Name} {article.Slug}: no page after {Timeout.TotalSeconds:0} s");
    }

    private async Task<string?> UploadAsync(IngestPath path, GeneratedArticle article, CancellationToken cancellationToken)
    {
        if (path == IngestPath.DirectBlob)
        {
            var blob = articles.GetBlobClient(article.Slug + ".md");
            await blob.UploadAsync(BinaryData.FromString(article.Markdown), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown" } }, cancellationToken);
            return null;
        }

        using var body = new StringContent(article.Markdown, Encoding.UTF8, "text/markdown");
        using var response = await api.PutAsync(new Uri($"api/articles/{article.Slug}", UriKind.Relative), body, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted
            ? null
            : $"PUT api/articles/{article.Slug} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
    }

    public void Dispose()
    {
        api.Dispose();
        site.Dispose();
    }
}
