using System.Security.Cryptography;
using ContentPipeline.Functions.Tests.Support;
using ContentPipeline.Testing;
using Microsoft.AspNetCore.Http;

namespace ContentPipeline.Functions.Tests;

/// <summary>The blob trigger, run with real blob clients on Azurite, whichever way the source arrived.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishArticleAzuriteTests(AzuriteFixture azurite)
{
    private const string Slug = "my-first-post";
    private const string PagePath = "articles/my-first-post/index.html";

    private static readonly string FirstPost = Markdown.Article(
        "Hello **world**, this is the first post.",
        "title: My first post",
        "date: 2024-05-01T10:30:00Z",
        "tags: [news, science]");

    [Fact]
    public async Task Publishing_an_uploaded_source_marks_it_published_with_the_page_url()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PutAsync(Slug, FirstPost), StatusCodes.Status202Accepted);

        await host.PublishAsync("my-first-post.md");

        var response = await host.GetAsync(Slug);
        var article = ResponseAssert.Json(response, StatusCodes.Status200OK);
        Assert.Equal("published", article.GetProperty("status").GetString());
        Assert.Equal("https://site.example.test/blog/articles/my-first-post/", response.Text("url"));
        Assert.Equal("My first post", article.GetProperty("title").GetString());
        Assert.Null(response.Text("error"));
        Assert.NotNull(response.Text("publishedAt"));
    }

    [Fact]
    public async Task Publishing_writes_the_page_as_utf8_html_with_cache_control_and_content_hash()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PutAsync(Slug, FirstPost), StatusCodes.Status202Accepted);

        await host.PublishAsync("my-first-post.md");

        var page = host.Site.GetBlobClient(PagePath);
        var properties = (await page.GetPropertiesAsync()).Value;
        var content = (await page.DownloadContentAsync()).Value.Content;
        Assert.Equal("text/html; charset=utf-8", properties.ContentType);
        Assert.Equal(PipelineHost.PageCacheControl, properties.CacheControl);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span)), properties.Metadata["contenthash"]);
        var html = content.ToString();
        Assert.Contains("My first post", html, StringComparison.Ordinal);
        Assert.Contains("<strong>world</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaying_the_trigger_rewrites_neither_the_page_nor_the_catalog_row()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PutAsync(Slug, FirstPost), StatusCodes.Status202Accepted);
        await host.PublishAsync("my-first-post.md");
        var page = host.Site.GetBlobClient(PagePath);
        var pageETag = (await page.GetPropertiesAsync()).Value.ETag;
        var before = await host.GetAsync(Slug);

        await host.PublishAsync("my-first-post.md");

        Assert.Equal(pageETag, (await page.GetPropertiesAsync()).Value.ETag);
        var after = await host.GetAsync(Slug);
        Assert.Equal(before.Text("updatedAt"), after.Text("updatedAt"));
        Assert.Equal(before.RawBody, after.RawBody);
    }

    [Fact]
    public async Task A_plain_text_source_uploaded_straight_to_storage_is_published_with_its_title_and_date()
    {
        await using var host = PipelineHost.Start(azurite);
        await host.UploadSourceAsync("fund-security-and-independence.txt", await Samples.ReadBytesAsync(Samples.FundSecurityAndIndependence));

        await host.PublishAsync("fund-security-and-independence.txt");

        var response = await host.GetAsync("fund-security-and-independence");
        var article = ResponseAssert.Json(response, StatusCodes.Status200OK);
        Assert.Equal("published", article.GetProperty("status").GetString());
        Assert.Equal("Fund security and independence", article.GetProperty("title").GetString());
        var date = article.GetProperty("date").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2024, 4, 17, 21, 5, 49, TimeSpan.Zero), date);
        Assert.Equal(TimeSpan.Zero, date.Offset);
        Assert.Equal("fund-security-and-independence.txt", article.GetProperty("sourceBlob").GetString());
        Assert.Equal("https://site.example.test/blog/articles/fund-security-and-independence/", response.Text("url"));
        var page = await host.Site.GetBlobClient("articles/fund-security-and-independence/index.html").DownloadContentAsync();
        Assert.Contains("Fund security and independence", page.Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_fails_to_parse_is_recorded_as_failed_with_the_line_and_kept()
    {
        await using var host = PipelineHost.Start(azurite);
        var source = await host.UploadSourceAsync("broken-date.md", HttpContexts.Utf8(Markdown.Article("Body.", "title: Broken date", "date: tomorrow")));

        var publishing = await Record.ExceptionAsync(() => host.PublishAsync("broken-date.md"));

        Assert.Null(publishing);
        Assert.True(await source.ExistsAsync(), "The failed source must stay in place to be fixed.");
        var response = await host.GetAsync("broken-date");
        var article = ResponseAssert.Json(response, StatusCodes.Status200OK);
        Assert.Equal("failed", article.GetProperty("status").GetString());
        var error = response.Text("error");
        Assert.NotNull(error);
        Assert.Contains("Line 3", error, StringComparison.Ordinal);
        Assert.Contains("tomorrow", error, StringComparison.Ordinal);
        Assert.Null(response.Text("url"));
        Assert.False(await host.Site.GetBlobClient("articles/broken-date/index.html").ExistsAsync());
    }

    [Fact]
    public async Task A_fixed_source_replaces_the_failure_with_a_published_page()
    {
        await using var host = PipelineHost.Start(azurite);
        await host.UploadSourceAsync("broken-date.md", HttpContexts.Utf8(Markdown.Article("Body.", "title: Broken date", "date: tomorrow")));
        await host.PublishAsync("broken-date.md");

        ResponseAssert.Json(await host.PutAsync("broken-date", Markdown.Article("Body.", "title: Fixed date", "date: 2024-06-01")), StatusCodes.Status202Accepted);
        await host.PublishAsync("broken-date.md");

        var response = await host.GetAsync("broken-date");
        var article = ResponseAssert.Json(response, StatusCodes.Status200OK);
        Assert.Equal("published", article.GetProperty("status").GetString());
        Assert.Equal("Fixed date", article.GetProperty("title").GetString());
        Assert.Null(response.Text("error"));
        Assert.True(await host.Site.GetBlobClient("articles/broken-date/index.html").ExistsAsync());
    }

    [Fact]
    public async Task A_source_whose_front_matter_names_another_slug_than_its_blob_fails_with_a_fix()
    {
        await using var host = PipelineHost.Start(azurite);
        await host.UploadSourceAsync("blob-name.md", HttpContexts.Utf8(Markdown.Article("Body.", "title: Two names", "slug: front-matter-name")));

        await host.PublishAsync("blob-name.md");

        var response = await host.GetAsync("blob-name");
        Assert.Equal("failed", ResponseAssert.Json(response, StatusCodes.Status200OK).GetProperty("status").GetString());
        Assert.Contains("front-matter-name.md", response.Text("error"), StringComparison.Ordinal);
        ResponseAssert.Problem(await host.GetAsync("front-matter-name"), StatusCodes.Status404NotFound);
        Assert.False(await host.Site.GetBlobClient("articles/blob-name/index.html").ExistsAsync());
    }

    [Fact]
    public async Task An_html_source_is_published_sanitized()
    {
        await using var host = PipelineHost.Start(azurite);
        const string Html = "<html><head><title>Scripted page</title></head><body><p onclick=\"steal()\">Visible text.</p><script>steal()</script></body></html>";
        ResponseAssert.Json(await host.PutAsync("scripted-page", HttpContexts.Utf8(Html), "text/html; charset=utf-8"), StatusCodes.Status202Accepted);

        await host.PublishAsync("scripted-page.html");

        var article = ResponseAssert.Json(await host.GetAsync("scripted-page"), StatusCodes.Status200OK);
        Assert.Equal("published", article.GetProperty("status").GetString());
        Assert.Equal("Scripted page", article.GetProperty("title").GetString());
        var page = (await host.Site.GetBlobClient("articles/scripted-page/index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Visible text.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("steal()", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_that_is_not_an_article_source_is_ignored()
    {
        await using var host = PipelineHost.Start(azurite);
        await host.UploadSourceAsync("picture.png", [0x89, 0x50, 0x4E, 0x47]);

        var publishing = await Record.ExceptionAsync(() => host.PublishAsync("picture.png"));

        Assert.Null(publishing);
        ResponseAssert.Problem(await host.GetAsync("picture"), StatusCodes.Status404NotFound);
        Assert.False(await host.Site.ExistsAsync());
    }

    [Fact]
    public async Task A_blob_whose_name_is_no_slug_is_rejected_without_an_exception_or_a_page()
    {
        await using var host = PipelineHost.Start(azurite);
        await host.UploadSourceAsync("Not A Slug.md", HttpContexts.Utf8(Markdown.Article("Body.", "title: Badly named")));

        var publishing = await Record.ExceptionAsync(() => host.PublishAsync("Not A Slug.md"));

        Assert.Null(publishing);
        var list = ResponseAssert.Json(await host.ListAsync(), StatusCodes.Status200OK);
        Assert.Empty(list.GetProperty("articles").EnumerateArray());
        Assert.False(await host.Site.ExistsAsync());
    }

    [Theory]
    [MemberData(nameof(HostileSources.All), MemberType = typeof(HostileSources))]
    public async Task A_hostile_source_written_straight_to_storage_is_recorded_as_failed_with_its_line_and_harms_nothing_else(string what, byte[] source, int line, string words)
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PutAsync("bystander", Markdown.Article("Unrelated.", "title: Bystander")), StatusCodes.Status202Accepted);
        ResponseAssert.Json(await host.PutAsync("hostile", Markdown.Article("The good version.", "title: Good version")), StatusCodes.Status202Accepted);
        await host.PublishAsync("bystander.md");
        await host.PublishAsync("hostile.md");
        await host.UploadSourceAsync("hostile.md", source);

        var publishing = await Record.ExceptionAsync(() => host.PublishAsync("hostile.md"));

        Assert.Null(publishing);
        var response = await host.GetAsync("hostile");
        Assert.Equal("failed", ResponseAssert.Json(response, StatusCodes.Status200OK).GetProperty("status").GetString());
        var error = response.Text("error") ?? "";
        Assert.True(error.StartsWith($"Line {line}:", StringComparison.Ordinal), $"{what}: {error}");
        Assert.Contains(words, error, StringComparison.Ordinal);
        Assert.Equal(source, (await host.Articles.GetBlobClient("hostile.md").DownloadContentAsync()).Value.Content.ToArray());
        Assert.True(await host.Site.GetBlobClient("articles/hostile/index.html").ExistsAsync(), "The previous page stays up.");
        Assert.Equal("published", (await host.GetAsync("bystander")).Text("status"));
    }
}
