using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContentPipeline.Benchmarks.Load;

namespace ContentPipeline.Benchmarks.Views;

/// <summary>The API calls the views benchmark makes, as a reader's browser and an editor would make them.</summary>
internal sealed class ViewsApi : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // The counter does not count crawlers and script clients, so the benchmark presents itself as a browser.
    private const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private readonly HttpClient client;

    public ViewsApi(Uri apiOrigin)
    {
        client = ApiClient.Create(apiOrigin, TimeSpan.FromSeconds(30));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
    }

    /// <summary>The counting route of <paramref name="slug"/>, built once per slug instead of once per request.</summary>
    public static Uri ViewsRoute(string slug) => new($"api/views/{Uri.EscapeDataString(slug)}", UriKind.Relative);

    /// <summary>PUTs a small Markdown article; call <see cref="WaitUntilPublishedAsync"/> before counting its views.</summary>
    public async Task PutArticleAsync(string slug, CancellationToken cancellationToken = default)
    {
        using var body = new StringContent($"---\ntitle: Benchmark article {slug}\ntags: [bench]\n---\nAn article whose views the benchmark counts.\n", Encoding.UTF8, "text/markdown");
        using var response = await client.PutAsync(new Uri($"api/articles/{slug}", UriKind.Relative), body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"PUT api/articles/{slug} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Polls the catalog until the article is published; fails if it failed or took too long.</summary>
    public async Task WaitUntilPublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(PublishTimeout);
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"api/articles/{slug}", UriKind.Relative), deadline.Token);
            if (response.IsSuccessStatusCode)
            {
                var article = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
                switch (article.GetProperty("status").GetString())
                {
                    case "published":
                        return;
                    case "failed":
                        throw new InvalidOperationException($"Article {slug} failed to publish: {article.GetProperty("error")}");
                }
            }

            await Task.Delay(PollInterval, deadline.Token);
        }
    }

    /// <summary>One view, as the page's beacon sends it: 200 is success, anything else a failure.</summary>
    public async Task<OperationOutcome> CountViewAsync(Uri viewsRoute)
    {
        using var response = await client.PostAsync(viewsRoute, content: null);
        return response.StatusCode == HttpStatusCode.OK
            ? OperationOutcome.Succeeded()
            : OperationOutcome.Failed($"POST answered {(int)response.StatusCode}");
    }

    /// <summary>One POST whose answer is returned whole, to check the endpoint exists and speaks the contract.</summary>
    public async Task<(HttpStatusCode Status, string Body)> ProbeCountAsync(string slug, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsync(ViewsRoute(slug), content: null, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The stored count of <paramref name="slug"/> from <c>GET api/views/{slug}</c>.</summary>
    public async Task<long> GetViewsAsync(string slug, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync(ViewsRoute(slug), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("views").GetInt64();
    }

    /// <summary>The sum of the stored counts of <paramref name="slugs"/>.</summary>
    public async Task<long> SumViewsAsync(IEnumerable<string> slugs, CancellationToken cancellationToken = default)
    {
        var total = 0L;
        foreach (var slug in slugs)
        {
            total += await GetViewsAsync(slug, cancellationToken);
        }

        return total;
    }

    public void Dispose() => client.Dispose();
}
