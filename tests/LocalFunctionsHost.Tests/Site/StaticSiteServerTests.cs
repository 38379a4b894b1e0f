using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ContentPipeline.Testing;
using LocalFunctionsHost.Site;

namespace LocalFunctionsHost.Tests.Site;

[Collection(AzuriteCollection.Name)]
public sealed class StaticSiteServerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string HomePage = "<!doctype html><h1>Home</h1>";
    private const string ArticlePage = "<!doctype html><h1>Article x</h1>";
    private const string NotFoundPage = "<!doctype html><h1>Not here</h1>";
    private const string StyleSheet = "body { margin: 0 }";

    private BlobContainerClient _site = null!;
    private BlobContainerClient _secrets = null!;
    private StaticSiteTestServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        _site = new BlobContainerClient(azurite.ConnectionString, TestNames.Container("static-site"));
        await _site.CreateAsync();
        await UploadAsync("index.html", HomePage, "text/html; charset=utf-8", "no-cache");
        await UploadAsync("articles/x/index.html", ArticlePage, "text/html; charset=utf-8", "public, max-age=300");
        await UploadAsync("css/site.css", StyleSheet, "text/css", "public, max-age=31536000, immutable");
        await UploadAsync("404.html", NotFoundPage, "text/html; charset=utf-8", "no-store");
        await UploadAsync("files/100% real.txt", "a percent sign and a space", "text/plain", null);
        await UploadAsync("files/a%2Fb.txt", "a literal %2F in the name", "text/plain", null);

        // A neighbour the site must never reach by stepping up out of its container.
        _secrets = new BlobContainerClient(azurite.ConnectionString, TestNames.Container("static-site-secrets"));
        await _secrets.CreateAsync();
        await _secrets.GetBlobClient("secret.txt").UploadAsync(BinaryData.FromString("secret"));

        _server = await StaticSiteTestServer.StartAsync(_site);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _site.DeleteIfExistsAsync();
        await _secrets.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task The_root_serves_the_index_document()
    {
        using var response = await Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HomePage, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task A_folder_path_with_a_trailing_slash_serves_the_folder_index_document()
    {
        using var response = await Client.GetAsync(new Uri("/articles/x/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ArticlePage, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_folder_path_without_a_trailing_slash_serves_the_folder_index_document_without_a_redirect()
    {
        using var response = await Client.GetAsync(new Uri("/articles/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(ArticlePage, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_path_gets_the_error_document_with_status_404()
    {
        using var response = await Client.GetAsync(new Uri("/articles/missing/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(NotFoundPage, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Without_an_error_document_a_missing_path_gets_a_plain_404()
    {
        await using var server = await StaticSiteTestServer.StartAsync(_site, new StaticSiteOptions { ErrorDocument404Path = null });

        using var response = await server.Client.GetAsync(new Uri("/missing.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The requested content does not exist.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_error_document_that_is_not_there_gives_a_plain_404_too()
    {
        await using var server = await StaticSiteTestServer.StartAsync(_site, new StaticSiteOptions { ErrorDocument404Path = "errors/404.html" });

        using var response = await server.Client.GetAsync(new Uri("/missing.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The requested content does not exist.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_index_document_name_is_configurable()
    {
        await UploadAsync("docs/default.htm", "default page", "text/html", null);
        await using var server = await StaticSiteTestServer.StartAsync(_site, new StaticSiteOptions { IndexDocument = "default.htm" });

        using var response = await server.Client.GetAsync(new Uri("/docs/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default page", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_response_carries_the_blob_properties_as_headers()
    {
        var properties = (await _site.GetBlobClient("css/site.css").GetPropertiesAsync()).Value;

        using var response = await Client.GetAsync(new Uri("/css/site.css?v=3", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StyleSheet, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/css", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(properties.ETag.ToString("H"), response.Headers.ETag?.ToString());
        Assert.Equal(TruncatedToSeconds(properties.LastModified), response.Content.Headers.LastModified);
        Assert.Equal(properties.ContentLength, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task If_None_Match_with_the_current_ETag_gets_304_without_a_body()
    {
        var etag = (await _site.GetBlobClient("css/site.css").GetPropertiesAsync()).Value.ETag.ToString("H");

        using var strong = await GetAsync("/css/site.css", request => request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag)));
        using var weak = await GetAsync("/css/site.css", request => request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag, isWeak: true)));
        using var any = await GetAsync("/css/site.css", request => request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any));

        foreach (var response in new[] { strong, weak, any })
        {
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, response.Headers.ETag?.ToString());
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task If_None_Match_with_an_outdated_ETag_gets_the_blob()
    {
        using var response = await GetAsync("/css/site.css", request => request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse("\"0x8DD000000000000\"")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StyleSheet, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task If_Modified_Since_gets_304_unless_the_blob_changed_after_it()
    {
        var lastModified = (await _site.GetBlobClient("css/site.css").GetPropertiesAsync()).Value.LastModified;

        using var unchanged = await GetAsync("/css/site.css", request => request.Headers.IfModifiedSince = TruncatedToSeconds(lastModified));
        using var changed = await GetAsync("/css/site.css", request => request.Headers.IfModifiedSince = TruncatedToSeconds(lastModified).AddMinutes(-1));

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(StyleSheet, await changed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HEAD_gets_the_headers_without_a_body()
    {
        var properties = (await _site.GetBlobClient("articles/x/index.html").GetPropertiesAsync()).Value;

        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/articles/x/", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(properties.ContentLength, response.Content.Headers.ContentLength);
        Assert.Equal(properties.ETag.ToString("H"), response.Headers.ETag?.ToString());
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HEAD_of_a_missing_path_gets_404_without_a_body()
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/missing.html", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/articles/../index.html")]
    [InlineData("/%2E%2E/" + "x")]
    [InlineData("/..%2F..%2Fother%2Fsecret.txt")]
    [InlineData("/articles/..%5C..%5Csecret.txt")]
    public async Task Paths_with_dot_segments_are_refused(string rawPath)
    {
        // Sent exactly as written: HttpClient would otherwise resolve the dot segments itself.
        var uri = new Uri(_server.BaseAddress.GetLeftPart(UriPartial.Authority) + rawPath, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        using var response = await Client.GetAsync(uri);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_next_door_is_not_reachable_through_the_container_name()
    {
        var rawPath = "/..%2F" + _secrets.Name + "%2Fsecret.txt";
        var uri = new Uri(_server.BaseAddress.GetLeftPart(UriPartial.Authority) + rawPath, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        using var response = await Client.GetAsync(uri);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("secret", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/files/100%25%20real.txt", "a percent sign and a space")]
    [InlineData("/files/a%252Fb.txt", "a literal %2F in the name")]
    public async Task Percent_encoded_paths_are_decoded_exactly_once(string rawPath, string expected)
    {
        var uri = new Uri(_server.BaseAddress.GetLeftPart(UriPartial.Authority) + rawPath, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        using var response = await Client.GetAsync(uri);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Methods_other_than_GET_and_HEAD_are_not_allowed()
    {
        using var response = await Client.PostAsync(new Uri("/index.html", UriKind.Relative), new StringContent("x"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_large_blob_streams_through_whole()
    {
        var content = new byte[8 * 1024 * 1024 + 17];
        new Random(42).NextBytes(content);
        await _site.GetBlobClient("media/large.bin").UploadAsync(BinaryData.FromBytes(content));

        using var response = await Client.GetAsync(new Uri("/media/large.bin", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content.Length, response.Content.Headers.ContentLength);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task UploadAsync(string blobName, string content, string contentType, string? cacheControl)
    {
        await _site.GetBlobClient(blobName).UploadAsync(
            BinaryData.FromString(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = cacheControl } });
    }

    private async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        configure(request);
        return await Client.SendAsync(request);
    }

    private static DateTimeOffset TruncatedToSeconds(DateTimeOffset time) =>
        DateTimeOffset.Parse(time.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
