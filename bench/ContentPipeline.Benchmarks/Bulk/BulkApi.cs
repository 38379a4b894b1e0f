using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContentPipeline.Benchmarks.Load;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>The API calls of the bulk benchmark, as an editor's migration script would make them.</summary>
internal sealed class BulkApi : IDisposable
{
    // The largest page GET /api/articles serves.
    private const int CatalogPageSize = 100;

    private readonly HttpClient client;

    public BulkApi(Uri apiOrigin)
    {
        client = ApiClient.Create(apiOrigin, TimeSpan.FromSeconds(60));
    }

    /// <summary><c>PUT /api/articles/{slug}</c> with the article's Markdown: 202 is success, anything else a failure.</summary>
    public async Task<OperationOutcome> PutArticleAsync(GeneratedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var body = new StringContent(article.Markdown, Encoding.UTF8, "text/markdown");
        using var response = await client.PutAsync(new Uri($"api/articles/{article.Slug}", UriKind.Relative), body);
        return response.StatusCode == HttpStatusCode.Accepted
            ? OperationOutcome.Succeeded()
            : OperationOutcome.Failed($"PUT api/articles/{article.Slug} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary><c>DELETE /api/articles/{slug}</c>: 204 is success, anything else a failure.</summary>
    public async Task<OperationOutcome> DeleteArticleAsync(GeneratedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var response = await client.DeleteAsync(new Uri($"api/articles/{article.Slug}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.NoContent
            ? OperationOutcome.Succeeded()
            : OperationOutcome.Failed($"DELETE api/articles/{article.Slug} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Every article's status, read through <c>GET /api/articles</c> a page of 100 at a time.</summary>
    public async Task<CatalogStatus> ReadCatalogAsync(CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        DateTimeOffset? lastPublished = null;
        string? continuation = null;
        do
        {
            var query = continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation);
            var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"api/articles?limit={CatalogPageSize}{query}", UriKind.Relative), cancellationToken);
            foreach (var article in page.GetProperty("articles").EnumerateArray())
            {
                var status = article.GetProperty("status").GetString() ?? "";
                counts[status] = counts.GetValueOrDefault(status) + 1;
                if (status == CatalogStatus.Published && article.GetProperty("publishedAt").TryGetDateTimeOffset(out var publishedAt) && (lastPublished is null || publishedAt > lastPublished))
                {
                    lastPublished = publishedAt;
                }
                else if (status == CatalogStatus.Failed)
                {
                    failures.Add($"{article.GetProperty("slug").GetString()}: {article.GetProperty("error")}");
                }
            }

            continuation = page.GetProperty("continuation").GetString();
        }
        while (continuation is not null);

        return new CatalogStatus(counts, failures, lastPublished);
    }

    public void Dispose() => client.Dispose();
}

/// <summary>
/// How many catalog entries have each status, why the failed ones failed, and when the last one was published (by
/// the worker's clock, which locally is this machine's).
/// </summary>
internal sealed record CatalogStatus(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Failures, DateTimeOffset? LastPublishedAt)
{
    public const string Published = "published";
    public const string Failed = "failed";

    public int Count(string status) => Counts.GetValueOrDefault(status);

    public override string ToString() =>
        Counts.Count == 0 ? "no articles" : string.Join(", ", Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));
}
