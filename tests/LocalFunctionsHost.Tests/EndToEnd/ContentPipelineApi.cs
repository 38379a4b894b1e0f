using System.Net;
using System.Text;
using System.Text.Json;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>The content pipeline's article API, used the way an editor's client uses it.</summary>
internal static class ContentPipelineApi
{
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(15);

    /// <summary><c>PUT api/articles/{slug}</c> with <paramref name="source"/> as <paramref name="mediaType"/>; asserts the 202.</summary>
    public static async Task PutArticleAsync(this EndToEndHost host, string slug, string source, string mediaType, CancellationToken cancellationToken = default)
    {
        using var body = new StringContent(source, Encoding.UTF8, mediaType);
        using var put = await host.Api.PutAsync(new Uri($"api/articles/{slug}", UriKind.Relative), body, cancellationToken);
        var answer = await put.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(put.StatusCode == HttpStatusCode.Accepted, $"PUT api/articles/{slug} answered {(int)put.StatusCode}: {answer}");
    }

    /// <summary>
    /// Polls <c>GET api/articles/{slug}</c>, as a client following the 202's status URL would, until the article
    /// leaves <c>pending</c>; asserts that it was published and returns its catalog entry.
    /// </summary>
    public static async Task<JsonElement> WaitUntilPublishedAsync(this EndToEndHost host, string slug, TimeSpan? timeout = null)
    {
        var article = await Poll.UntilAsync($"article '{slug}' leaving pending", timeout ?? PublishTimeout, async ct =>
        {
            using var response = await host.Api.GetAsync(new Uri($"api/articles/{slug}", UriKind.Relative), ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET api/articles/{slug} answered {(int)response.StatusCode}: {text}");
            return JsonSerializer.Deserialize<JsonElement>(text).GetProperty("status").GetString() == "pending" ? null : text;
        });
        var entry = JsonSerializer.Deserialize<JsonElement>(article);
        Assert.True(entry.GetProperty("status").GetString() == "published", $"The article did not publish: {article}");
        return entry;
    }

    /// <summary>
    /// Waits until every article of <paramref name="slugs"/> has left <c>pending</c>, reading the catalog a page of
    /// 100 at a time (<c>GET api/articles</c>) rather than asking for each article, and asserts they all published.
    /// </summary>
    public static async Task WaitUntilAllPublishedAsync(this EndToEndHost host, IReadOnlyCollection<string> slugs, TimeSpan timeout)
    {
        var catalog = await Poll.UntilAsync($"{slugs.Count} articles leaving pending", timeout, async ct =>
        {
            var entries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            string? continuation = null;
            do
            {
                var query = continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}";
                using var response = await host.Api.GetAsync(new Uri($"api/articles?limit=100{query}", UriKind.Relative), ct);
                var page = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(ct));
                foreach (var entry in page.GetProperty("articles").EnumerateArray())
                {
                    entries[entry.GetProperty("slug").GetString()!] = entry;
                }

                continuation = page.GetProperty("continuation").GetString();
            }
            while (continuation is not null);

            return slugs.All(slug => entries.TryGetValue(slug, out var entry) && entry.GetProperty("status").GetString() != "pending")
                ? entries
                : null;
        });

        var unpublished = slugs.Select(slug => catalog[slug]).Where(entry => entry.GetProperty("status").GetString() != "published").ToList();
        Assert.True(unpublished.Count == 0, $"{unpublished.Count} articles did not publish:\n{string.Join("\n", unpublished)}");
    }
}
