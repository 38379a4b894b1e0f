using ContentPipeline.Functions.Tests.Support;
using ContentPipeline.Functions.Views;
using ContentPipeline.Testing;
using Microsoft.AspNetCore.Http;

namespace ContentPipeline.Functions.Tests;

/// <summary>The view counter's endpoints on a real Azurite: what counts, what is refused, and what each answers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ViewsAzuriteTests(AzuriteFixture azurite)
{
    private const string ChromeAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    [Fact]
    public async Task Post_counts_one_view_and_answers_the_total_uncacheably()
    {
        await using var host = await HostWithArticleAsync("counted");

        var first = await PostViewAsync(host, "counted");
        var second = await PostViewAsync(host, "counted");

        var body = ResponseAssert.Json(second, StatusCodes.Status200OK);
        Assert.Equal("counted", body.GetProperty("slug").GetString());
        Assert.Equal(2, body.GetProperty("views").GetInt64());
        Assert.True(body.GetProperty("counted").GetBoolean());
        Assert.Equal(1, first.Body.GetProperty("views").GetInt64());
        Assert.Equal("no-store", second.Headers.CacheControl.ToString());
        Assert.Equal(2, (await GetViewsAsync(host, "counted")).Body.GetProperty("views").GetInt64());
    }

    [Fact]
    public async Task Get_reads_the_count_without_adding_to_it()
    {
        await using var host = await HostWithArticleAsync("read-only");
        await PostViewAsync(host, "read-only");

        for (var i = 0; i < 3; i++)
        {
            var response = await GetViewsAsync(host, "read-only");
            Assert.Equal(1, ResponseAssert.Json(response, StatusCodes.Status200OK).GetProperty("views").GetInt64());
            Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        }
    }

    [Theory]
    [InlineData("Sec-Purpose", "prefetch")]
    [InlineData("Sec-Purpose", "prefetch;prerender")]
    [InlineData("Purpose", "prefetch")]
    [InlineData("X-Moz", "prefetch")]
    [InlineData("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("User-Agent", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("User-Agent", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("User-Agent", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)")]
    public async Task Prefetches_and_crawlers_get_the_count_without_adding_to_it(string header, string value)
    {
        await using var host = await HostWithArticleAsync("not-a-view");
        await PostViewAsync(host, "not-a-view");

        var response = await PostViewAsync(host, "not-a-view", (header, value));

        var body = ResponseAssert.Json(response, StatusCodes.Status200OK);
        Assert.Equal(1, body.GetProperty("views").GetInt64());
        Assert.False(body.GetProperty("counted").GetBoolean());
        Assert.Equal(1, (await GetViewsAsync(host, "not-a-view")).Body.GetProperty("views").GetInt64());
    }

    [Fact]
    public async Task A_browser_with_its_usual_headers_is_counted()
    {
        await using var host = await HostWithArticleAsync("browser");

        var response = await PostViewAsync(host, "browser", ("User-Agent", ChromeAgent), ("Sec-Fetch-Mode", "cors"));

        Assert.True(ResponseAssert.Json(response, StatusCodes.Status200OK).GetProperty("counted").GetBoolean());
    }

    [Fact]
    public async Task Unknown_slugs_answer_404_and_create_no_counter()
    {
        await using var host = PipelineHost.Start(azurite);

        foreach (var response in new[] { await PostViewAsync(host, "never-published"), await GetViewsAsync(host, "never-published"), (await PixelAsync(host, HttpMethods.Get, "never-published")).Response })
        {
            var problem = ResponseAssert.Problem(response, StatusCodes.Status404NotFound);
            Assert.Contains("'never-published'", ResponseAssert.Detail(problem), StringComparison.Ordinal);
            Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        }

        Assert.Equal(0, ResponseAssert.Json(await TopAsync(host, ""), StatusCodes.Status200OK).GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public async Task A_draft_counts_no_views()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PutAsync("drafted", Markdown.Article("Body.", "title: Drafted", "draft: true")), StatusCodes.Status202Accepted);
        await host.PublishAsync("drafted.md");

        ResponseAssert.Problem(await PostViewAsync(host, "drafted"), StatusCodes.Status404NotFound);
    }

    [Theory]
    [InlineData("Bad_Slug")]
    [InlineData("..")]
    [InlineData("a b")]
    public async Task Malformed_slugs_answer_400(string slug)
    {
        await using var host = PipelineHost.Start(azurite);

        ResponseAssert.Problem(await PostViewAsync(host, slug), StatusCodes.Status400BadRequest);
        ResponseAssert.Problem(await GetViewsAsync(host, slug), StatusCodes.Status400BadRequest);
        ResponseAssert.Problem((await PixelAsync(host, HttpMethods.Get, slug)).Response, StatusCodes.Status400BadRequest);
    }

    [Fact]
    public async Task The_pixel_counts_a_view_and_answers_a_valid_transparent_1x1_gif()
    {
        await using var host = await HostWithArticleAsync("pixel");

        var (response, bytes) = await PixelAsync(host, HttpMethods.Get, "pixel");

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("image/gif", response.ContentType);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Equal("GIF89a"u8.ToArray(), bytes[..6]);
        Assert.Equal(1, BitConverter.ToUInt16(bytes, 6));
        Assert.Equal(1, BitConverter.ToUInt16(bytes, 8));
        Assert.Equal(0x3B, bytes[^1]);
        Assert.Equal(1, (await GetViewsAsync(host, "pixel")).Body.GetProperty("views").GetInt64());
    }

    [Fact]
    public async Task Head_of_the_pixel_answers_without_counting()
    {
        await using var host = await HostWithArticleAsync("headed");

        var (response, _) = await PixelAsync(host, HttpMethods.Head, "headed");

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(0, (await GetViewsAsync(host, "headed")).Body.GetProperty("views").GetInt64());
    }

    [Fact]
    public async Task The_article_resource_includes_its_views_and_delete_removes_them()
    {
        await using var host = await HostWithArticleAsync("with-views");
        await PostViewAsync(host, "with-views");
        await PostViewAsync(host, "with-views");

        Assert.Equal(2, ResponseAssert.Json(await host.GetAsync("with-views"), StatusCodes.Status200OK).GetProperty("views").GetInt64());

        Assert.Equal(StatusCodes.Status204NoContent, (await host.DeleteAsync("with-views")).StatusCode);
        ResponseAssert.Problem(await host.GetAsync("with-views"), StatusCodes.Status404NotFound);
        ResponseAssert.Problem(await PostViewAsync(host, "with-views"), StatusCodes.Status404NotFound);
        ResponseAssert.Problem(await host.DeleteAsync("with-views"), StatusCodes.Status404NotFound);
    }

    [Fact]
    public async Task Top_lists_the_most_viewed_articles_first()
    {
        await using var host = await HostWithArticleAsync("least");
        foreach (var slug in new[] { "most", "middle" })
        {
            ResponseAssert.Json(await host.PutAsync(slug, Markdown.Article("Body.", $"title: {slug}")), StatusCodes.Status202Accepted);
            await host.PublishAsync(slug + ".md");
        }

        foreach (var (slug, views) in new[] { ("least", 1), ("most", 3), ("middle", 2) })
        {
            for (var i = 0; i < views; i++)
            {
                await PostViewAsync(host, slug);
            }
        }

        var articles = ResponseAssert.Json(await TopAsync(host, "top=2"), StatusCodes.Status200OK).GetProperty("articles");

        Assert.Equal(["most", "middle"], articles.EnumerateArray().Select(a => a.GetProperty("slug").GetString()));
        Assert.Equal([3L, 2L], articles.EnumerateArray().Select(a => a.GetProperty("views").GetInt64()));
    }

    [Theory]
    [InlineData("top=0")]
    [InlineData("top=101")]
    [InlineData("top=ten")]
    public async Task Top_with_a_bad_count_answers_400(string query)
    {
        await using var host = PipelineHost.Start(azurite);

        var problem = ResponseAssert.Problem(await TopAsync(host, query), StatusCodes.Status400BadRequest);

        Assert.Contains("1 to 100", ResponseAssert.Detail(problem), StringComparison.Ordinal);
    }

    private async Task<PipelineHost> HostWithArticleAsync(string slug)
    {
        var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PutAsync(slug, Markdown.Article("Body.", $"title: {slug}")), StatusCodes.Status202Accepted);
        await host.PublishAsync(slug + ".md");
        return host;
    }

    private static async Task<FunctionResponse> PostViewAsync(PipelineHost host, string slug, params (string Name, string Value)[] headers)
    {
        var http = WithHeaders(HttpContexts.Create(host, HttpMethods.Post, "/api/views/" + slug), headers);
        return await FunctionResponse.ExecuteAsync(await host.Function<CountView>().Run(http.Request, slug, http.RequestAborted), http);
    }

    private static async Task<FunctionResponse> GetViewsAsync(PipelineHost host, string slug)
    {
        var http = HttpContexts.Create(host, HttpMethods.Get, "/api/views/" + slug);
        return await FunctionResponse.ExecuteAsync(await host.Function<GetViews>().Run(http.Request, slug, http.RequestAborted), http);
    }

    private static async Task<FunctionResponse> TopAsync(PipelineHost host, string query)
    {
        var http = HttpContexts.Create(host, HttpMethods.Get, "/api/views", query);
        return await FunctionResponse.ExecuteAsync(await host.Function<TopViews>().Run(http.Request, http.RequestAborted), http);
    }

    // The pixel's body is a GIF, not JSON: read its bytes, and the response only when it is a problem.
    private static async Task<(FunctionResponse Response, byte[] Bytes)> PixelAsync(PipelineHost host, string method, string slug)
    {
        var http = HttpContexts.Create(host, method, $"/api/views/{slug}.gif");
        await (await host.Function<CountViewPixel>().Run(http.Request, slug, http.RequestAborted)).ExecuteAsync(http);
        var bytes = ((MemoryStream)http.Response.Body).ToArray();
        var isProblem = http.Response.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true;
        var response = isProblem
            ? await FunctionResponse.ReadAsync(http)
            : new FunctionResponse(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers, default, "");
        return (response, bytes);
    }

    private static DefaultHttpContext WithHeaders(DefaultHttpContext http, (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
        {
            http.Request.Headers[name] = value;
        }

        return http;
    }
}
