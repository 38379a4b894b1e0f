using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using ContentPipeline.Testing;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// The content pipeline app under the host, used as an editor and a reader would: articles go in over the API or
/// straight into storage, and come out as pages on the site origin.
/// </summary>
public sealed class ContentPipelineEndToEndTests : IClassFixture<ContentPipelineHostFixture>, IDisposable
{
    private readonly ContentPipelineHostFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ContentPipelineEndToEndTests(ContentPipelineHostFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        fixture.Log.WriteTo(output);
    }

    private EndToEndHost Host => _fixture.Host;

    public void Dispose() => _fixture.Log.WriteTo(null);

    [Fact]
    public async Task A_markdown_article_put_over_the_api_is_published_and_served_by_the_site()
    {
        var slug = UniqueSlug("put");
        var title = $"End to end {slug[^8..]}";
        using var body = new StringContent($"# {title}\n\nA paragraph with *emphasis*.\n", Encoding.UTF8, "text/markdown");

        var stopwatch = Stopwatch.StartNew();
        using var put = await Host.Api.PutAsync(new Uri($"api/articles/{slug}", UriKind.Relative), body);
        var article = await WaitUntilPublishedAsync(slug);
        var publishedAfter = stopwatch.ElapsedMilliseconds;
        using var page = await Host.Site.GetAsync(new Uri($"articles/{slug}/", UriKind.Relative));
        _output.WriteLine($"PUT to published: {publishedAfter} ms; PUT to page served: {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        Assert.Equal(title, article.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=300", page.Headers.CacheControl?.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<em>emphasis</em>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7072", true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task Cors_preflight_allows_only_the_origins_in_local_settings(string origin, bool allowed)
    {
        // The app's local.settings.json has Host.CORS = http://127.0.0.1:7072 (the site origin).
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("api/articles/any-slug", UriKind.Relative));
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");

        using var response = await Host.Api.SendAsync(preflight);

        var allowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        Assert.Equal(allowed ? origin : null, allowOrigin);
    }

    [Fact]
    public async Task A_plain_text_article_written_straight_into_storage_is_published_and_served_by_the_site()
    {
        var slug = UniqueSlug("sample");
        var source = await Host.BlobAsync("articles", $"{slug}.txt");
        var sample = await Samples.ReadBytesAsync(Samples.FundSecurityAndIndependence);

        var stopwatch = Stopwatch.StartNew();
        await source.UploadAsync(new BinaryData(sample), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } });
        var article = await WaitUntilPublishedAsync(slug);
        using var page = await Host.Site.GetAsync(new Uri($"articles/{slug}/", UriKind.Relative));
        _output.WriteLine($"Blob write to page served: {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal("Fund security and independence", article.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Fund security and independence", html, StringComparison.Ordinal);
        Assert.Contains("Intellectual Property Cooperation Framework Agreement", html, StringComparison.Ordinal);
    }

    private static string UniqueSlug(string prefix) => $"e2e-{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_published_page_carries_the_beacon_and_the_host_routes_its_counter_calls()
    {
        var slug = UniqueSlug("views");
        using var body = new StringContent("# Counted\n\nRead me.\n", Encoding.UTF8, "text/markdown");
        using var put = await Host.Api.PutAsync(new Uri($"api/articles/{slug}", UriKind.Relative), body);
        await WaitUntilPublishedAsync(slug);

        // The page links the counter script, which the site serves as an immutable asset.
        var html = await Host.Site.GetStringAsync(new Uri($"articles/{slug}/", UriKind.Relative));
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script src=\"[^\"]*/(assets/views\\.[0-9a-f]{12}\\.js)\" defer>").Groups[1].Value;
        Assert.NotEmpty(script);
        using var asset = await Host.Site.GetAsync(new Uri(script, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length < 1024, "The beacon script must stay under 1 KB.");

        // The beacon's call from the site origin: counted, uncacheable, and allowed by CORS without a preflight.
        using var count = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/views/{slug}", UriKind.Relative));
        count.Headers.Add("Origin", "http://127.0.0.1:7072");
        using var counted = await Host.Api.SendAsync(count);
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        Assert.Equal("http://127.0.0.1:7072", counted.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.True(counted.Headers.CacheControl?.NoStore);
        Assert.Equal(1, (await counted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("views").GetInt64());

        // views/{slug}.gif and views/{slug} are told apart by the host's routing.
        using var pixel = await Host.Api.GetAsync(new Uri($"api/views/{slug}.gif", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pixel.StatusCode);
        Assert.Equal("image/gif", pixel.Content.Headers.ContentType?.MediaType);
        using var read = await Host.Api.GetAsync(new Uri($"api/views/{slug}", UriKind.Relative));
        Assert.Equal(2, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("views").GetInt64());
    }

    [Fact]
    public async Task A_burst_of_100_uploads_converges_to_complete_listings_with_few_listing_writes()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var tags = Enumerable.Range(0, 4).Select(i => $"burst-{run}-{i}").ToArray();
        var slugs = Enumerable.Range(0, 100).Select(i => $"e2e-burst-{run}-{i:D3}").ToArray();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(slugs.Select((slug, i) => (slug, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
        {
            var (slug, i) = item;
            using var body = new StringContent($"---\ntitle: Burst {i}\ndate: 2020-01-01T00:{i / 60:D2}:{i % 60:D2}Z\ntags: [{tags[i % tags.Length]}]\n---\nBody {i}.\n", Encoding.UTF8, "text/markdown");
            using var put = await Host.Api.PutAsync(new Uri($"api/articles/{slug}", UriKind.Relative), body, ct);
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        });
        var uploaded = stopwatch.Elapsed;

        // Converged: each tag's pages list exactly its 25 articles (3 pages of 10), and the sitemap has all 100.
        await Poll.UntilAsync("the listings to show the whole burst", TimeSpan.FromSeconds(60), async ct =>
        {
            using var sitemapResponse = await Host.Site.GetAsync(new Uri("sitemap.xml", UriKind.Relative), ct);
            var sitemap = sitemapResponse.IsSuccessStatusCode ? await sitemapResponse.Content.ReadAsStringAsync(ct) : "";
            if (!slugs.All(slug => sitemap.Contains($"/articles/{slug}/", StringComparison.Ordinal)))
            {
                return null;
            }

            var listed = new List<string>();
            foreach (var page in new[] { "", "page/2/", "page/3/" })
            {
                using var response = await Host.Site.GetAsync(new Uri($"tags/{tags[0]}/{page}", UriKind.Relative), ct);
                listed.AddRange(System.Text.RegularExpressions.Regex.Matches(await response.Content.ReadAsStringAsync(ct), "/articles/(e2e-burst-[0-9a-f]+-[0-9]+)/").Select(m => m.Groups[1].Value).Distinct());
            }

            return listed.Order(StringComparer.Ordinal).SequenceEqual(slugs.Where((_, i) => i % tags.Length == 0)) ? "converged" : null;
        });
        _output.WriteLine($"100 uploads in {uploaded.TotalMilliseconds:F0} ms; listings converged after {stopwatch.ElapsedMilliseconds} ms");

        var writes = new Dictionary<string, long>();
        await foreach (var blob in Host.Blobs.GetBlobContainerClient("$web").GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = $"tags/{tags[0]}/" }))
        {
            writes[blob.Name] = long.Parse(blob.Metadata["writes"], System.Globalization.CultureInfo.InvariantCulture);
        }

        _output.WriteLine(string.Join(", ", writes.Select(w => $"{w.Key}: {w.Value}")));
        Assert.Equal(3, writes.Count);
        Assert.All(writes.Values, count => Assert.InRange(count, 1, 10));
    }

    private Task<JsonElement> WaitUntilPublishedAsync(string slug) => Host.WaitUntilPublishedAsync(slug);
}
