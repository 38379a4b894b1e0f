using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// A burst of distinct articles uploaded the way a careful client does while something is failing: a 503, a 502 or a
/// dropped connection is retried after a pause, anything else must be a 202. Then the state every one of them ends in.
/// </summary>
internal sealed class ArticleBurst(HttpClient api, string run, int count)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    private int _accepted;
    private int _retried;

    public IReadOnlyList<string> Slugs { get; } = Enumerable.Range(0, count).Select(i => $"e2e-{run}-{i:D3}").ToArray();

    /// <summary>Uploads that had to be sent again because the service was unavailable.</summary>
    public int Retried => Volatile.Read(ref _retried);

    public static string TitleOf(string slug) => $"Fault {slug}";

    /// <summary>Uploads every article, <paramref name="concurrency"/> at a time; <paramref name="onAccepted"/> sees the running count.</summary>
    public Task UploadAsync(int concurrency, Action<int> onAccepted, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Slugs, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (slug, ct) =>
        {
            await PutUntilAcceptedAsync(slug, ct);
            onAccepted(Interlocked.Increment(ref _accepted));
        });

    /// <summary>
    /// Waits until no article is pending, asking the API (which may itself be failing for a while), and returns each
    /// article's last answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> WaitUntilSettledAsync(TimeSpan timeout)
    {
        var settled = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        return await Poll.UntilAsync("every article to leave pending", timeout, async ct =>
        {
            foreach (var slug in Slugs.Where(slug => !settled.ContainsKey(slug)))
            {
                var article = await TryGetAsync(slug, ct);
                if (article is not { } entry || entry.GetProperty("status").GetString() == "pending")
                {
                    return null;
                }

                settled[slug] = entry;
            }

            return settled;
        });
    }

    private async Task PutUntilAcceptedAsync(string slug, CancellationToken cancellationToken)
    {
        var body = $"---\ntitle: {TitleOf(slug)}\ntags: [faults]\n---\nThe body of {slug}.\n";
        while (true)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "text/markdown");
                using var response = await api.PutAsync(new Uri($"api/articles/{slug}", UriKind.Relative), content, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway, $"PUT {slug} answered {(int)response.StatusCode}: {text}");
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The connection dropped or timed out: the upload may or may not have landed, and sending it again is safe.
            }

            Interlocked.Increment(ref _retried);
            await Task.Delay(RetryPause, cancellationToken);
        }
    }

    private async Task<JsonElement?> TryGetAsync(string slug, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await api.GetAsync(new Uri($"api/articles/{slug}", UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
