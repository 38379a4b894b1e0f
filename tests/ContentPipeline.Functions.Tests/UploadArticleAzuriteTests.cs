using System.Globalization;
using System.Text;
using ContentPipeline.Functions.Articles;
using ContentPipeline.Functions.Tests.Support;
using ContentPipeline.Testing;
using Microsoft.AspNetCore.Http;

namespace ContentPipeline.Functions.Tests;

/// <summary><c>PUT /api/articles/{slug}</c> on a real Azurite: what is stored, what is answered, and every refusal.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadArticleAzuriteTests(AzuriteFixture azurite)
{
    private static readonly string FirstPost = Markdown.Article(
        "Hello **world**, this is the first post.",
        "title: My first post",
        "date: 2024-05-01T10:30:00Z",
        "tags: [news, science]");

    [Fact]
    public async Task Put_markdown_answers_202_with_pending_status_and_status_url()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PutAsync("my-first-post", FirstPost);

        var body = ResponseAssert.Json(response, StatusCodes.Status202Accepted);
        Assert.Equal("my-first-post", body.GetProperty("slug").GetString());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("/api/articles/my-first-post", body.GetProperty("statusUrl").GetString());
        Assert.Equal("/api/articles/my-first-post", response.Headers.Location.ToString());
    }

    // The host's routing matches articles/{slug} with a trailing slash too.
    [Fact]
    public async Task Put_to_a_path_with_a_trailing_slash_answers_the_article_status_url()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PutAsync("my-first-post", HttpContexts.Utf8(FirstPost), MediaTypes.Markdown, path: "/api/articles/my-first-post/");

        var body = ResponseAssert.Json(response, StatusCodes.Status202Accepted);
        Assert.Equal("/api/articles/my-first-post", body.GetProperty("statusUrl").GetString());
        Assert.Equal("/api/articles/my-first-post", response.Headers.Location.ToString());
    }

    [Fact]
    public async Task Put_markdown_stores_the_source_blob_with_its_content_type()
    {
        await using var host = PipelineHost.Start(azurite);

        await host.PutAsync("my-first-post", FirstPost);

        var blob = host.Articles.GetBlobClient("my-first-post.md");
        var properties = await blob.GetPropertiesAsync();
        Assert.Equal("text/markdown; charset=utf-8", properties.Value.ContentType);
        var stored = await blob.DownloadContentAsync();
        Assert.Equal(FirstPost, stored.Value.Content.ToString());
    }

    [Fact]
    public async Task Put_markdown_records_a_pending_catalog_row_with_the_front_matter()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PutAsync("my-first-post", FirstPost), StatusCodes.Status202Accepted);

        var response = await host.GetAsync("my-first-post");

        var article = ResponseAssert.Json(response, StatusCodes.Status200OK);
        Assert.Equal("my-first-post", article.GetProperty("slug").GetString());
        Assert.Equal("pending", article.GetProperty("status").GetString());
        Assert.Equal("My first post", article.GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.Zero), article.GetProperty("date").GetDateTimeOffset());
        Assert.Equal(["news", "science"], article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("my-first-post.md", article.GetProperty("sourceBlob").GetString());
        Assert.Null(response.Text("url"));
        Assert.Null(response.Text("error"));
    }

    [Fact]
    public async Task Put_of_the_same_slug_in_another_format_replaces_the_source()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PutAsync("changing-format", FirstPost), StatusCodes.Status202Accepted);

        var response = await host.PutAsync("changing-format", "Plain title\n\nNow in plain text.\n", MediaTypes.PlainText);

        ResponseAssert.Json(response, StatusCodes.Status202Accepted);
        Assert.False(await host.Articles.GetBlobClient("changing-format.md").ExistsAsync());
        Assert.True(await host.Articles.GetBlobClient("changing-format.txt").ExistsAsync());
        var article = ResponseAssert.Json(await host.GetAsync("changing-format"), StatusCodes.Status200OK);
        Assert.Equal("Plain title", article.GetProperty("title").GetString());
        Assert.Equal("changing-format.txt", article.GetProperty("sourceBlob").GetString());
    }

    [Theory]
    [InlineData("text/markdown")]
    [InlineData("text/markdown; charset=UTF-8")]
    [InlineData("text/markdown;charset=\"utf-8\"")]
    [InlineData("TEXT/MARKDOWN")]
    [InlineData("text/x-markdown")]
    public async Task Put_accepts_every_spelling_of_utf8_markdown(string contentType)
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PutAsync("my-first-post", HttpContexts.Utf8(FirstPost), contentType);

        ResponseAssert.Json(response, StatusCodes.Status202Accepted);
        Assert.True(await host.Articles.GetBlobClient("my-first-post.md").ExistsAsync());
    }

    [Theory]
    [InlineData("Bad_Slug")]
    [InlineData("..")]
    [InlineData("a%2Fb")]
    [InlineData("a/b")]
    [InlineData("-leading-hyphen")]
    public async Task Put_with_bad_slug_answers_400_problem(string slug)
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PutAsync(slug, FirstPost);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        Assert.Contains("Slug", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("lowercase a-z, 0-9", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.False(await host.Articles.ExistsAsync(), "Nothing may be stored for a refused upload.");
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("text/markdown; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Put_with_unsupported_content_type_answers_415_problem(string? contentType)
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PutAsync("my-first-post", HttpContexts.Utf8(FirstPost), contentType);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status415UnsupportedMediaType);
        var detail = ResponseAssert.Detail(problem);
        Assert.Contains(contentType ?? "(none)", detail, StringComparison.Ordinal);
        Assert.Contains("text/markdown", detail, StringComparison.Ordinal);
        Assert.Contains("UTF-8", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_with_empty_body_answers_400_problem()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PutAsync("my-first-post", [], MediaTypes.Markdown);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        Assert.Contains("no body", ResponseAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Put_over_the_size_limit_answers_413_problem(bool declareLength)
    {
        await using var host = PipelineHost.Start(azurite, new Dictionary<string, string?> { ["ContentPipeline:MaxUploadBytes"] = "1024" });
        var body = HttpContexts.Utf8(Markdown.Article(new string('x', 2000), "title: Too long"));

        var response = await host.PutAsync("too-long", body, MediaTypes.Markdown, declareLength);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status413PayloadTooLarge);
        Assert.Contains("1,024 bytes", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("MaxUploadBytes", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.False(await host.Articles.ExistsAsync(), "Nothing may be stored for a refused upload.");
    }

    [Fact]
    public async Task Put_over_the_size_limit_states_the_limit_the_same_whatever_the_server_culture()
    {
        await using var host = PipelineHost.Start(azurite, new Dictionary<string, string?> { ["ContentPipeline:MaxUploadBytes"] = "1024" });
        var body = HttpContexts.Utf8(Markdown.Article(new string('x', 2000), "title: Too long"));
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        FunctionResponse response;
        try
        {
            response = await host.PutAsync("too-long", body, MediaTypes.Markdown);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var problem = ResponseAssert.Problem(response, StatusCodes.Status413PayloadTooLarge);
        Assert.Contains("1,024 bytes", ResponseAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_exactly_at_the_size_limit_is_accepted()
    {
        await using var host = PipelineHost.Start(azurite, new Dictionary<string, string?> { ["ContentPipeline:MaxUploadBytes"] = "1024" });
        var text = Markdown.Article("", "title: Just fits");
        var body = HttpContexts.Utf8(text + new string('x', 1024 - Encoding.UTF8.GetByteCount(text)));

        var response = await host.PutAsync("just-fits", body, MediaTypes.Markdown, declareLength: false);

        ResponseAssert.Json(response, StatusCodes.Status202Accepted);
    }

    [Fact]
    public async Task Put_with_invalid_utf8_answers_400_problem_with_the_line()
    {
        await using var host = PipelineHost.Start(azurite);
        byte[] body = [.. "# Title\n\nSecond paragraph "u8, 0xC3, 0x28, .. "\n"u8];

        var response = await host.PutAsync("not-utf8", body, MediaTypes.Markdown);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Contains("UTF-8", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal("not-utf8", problem.GetProperty("slug").GetString());
        ResponseAssert.Problem(await host.GetAsync("not-utf8"), StatusCodes.Status404NotFound);
    }

    [Fact]
    public async Task Put_with_bad_front_matter_answers_400_problem_with_the_line()
    {
        await using var host = PipelineHost.Start(azurite);
        var body = Markdown.Article("Body.", "title: Bad draft flag", "draft: perhaps");

        var response = await host.PutAsync("bad-front-matter", body);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Contains("'draft' must be true or false", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.False(await host.Articles.ExistsAsync(), "Nothing may be stored for a refused upload.");
        ResponseAssert.Problem(await host.GetAsync("bad-front-matter"), StatusCodes.Status404NotFound);
    }

    [Fact]
    public async Task Put_whose_front_matter_slug_differs_from_the_url_answers_400_problem()
    {
        await using var host = PipelineHost.Start(azurite);
        var body = Markdown.Article("Body.", "title: Named twice", "slug: another-name");

        var response = await host.PutAsync("url-name", body);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        var detail = ResponseAssert.Detail(problem);
        Assert.Contains("another-name", detail, StringComparison.Ordinal);
        Assert.Contains("url-name", detail, StringComparison.Ordinal);
        Assert.False(await host.Articles.ExistsAsync(), "Nothing may be stored for a refused upload.");
    }

    [Theory]
    [MemberData(nameof(HostileSources.All), MemberType = typeof(HostileSources))]
    public async Task Put_of_a_hostile_source_answers_400_problem_with_its_line_and_stores_nothing(string what, byte[] source, int line, string words)
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PutAsync("hostile", source, MediaTypes.Markdown);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        Assert.True(line == problem.GetProperty("line").GetInt32(), $"{what}: {ResponseAssert.Detail(problem)}");
        Assert.Contains(words, ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.False(await host.Articles.ExistsAsync(), "Nothing may be stored for a refused upload.");
    }

    [Fact]
    public async Task Put_whose_body_breaks_off_answers_400_problem()
    {
        await using var host = PipelineHost.Start(azurite);
        var http = HttpContexts.Create(host, HttpMethods.Put, "/api/articles/cut-off", contentType: MediaTypes.Markdown);
        http.Request.Body = new BreakingStream(new BadHttpRequestException("Unexpected end of request content."));

        var response = await FunctionResponse.ExecuteAsync(await host.Function<UploadArticle>().Run(http.Request, "cut-off", http.RequestAborted), http);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        Assert.Contains("Unexpected end of request content", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.False(await host.Articles.ExistsAsync(), "Nothing may be stored for a refused upload.");
    }

    /// <summary>A request body whose every read fails the way Kestrel fails a body that breaks off.</summary>
    private sealed class BreakingStream(Exception failure) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(failure);
    }
}
