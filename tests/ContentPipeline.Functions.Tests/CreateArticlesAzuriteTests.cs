using ContentPipeline.Functions.Http;
using ContentPipeline.Functions.Tests.Support;
using ContentPipeline.Testing;
using Microsoft.AspNetCore.Http;

namespace ContentPipeline.Functions.Tests;

/// <summary><c>POST /api/articles</c> on a real Azurite: slugs chosen by the article, conflicts, and multipart uploads.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CreateArticlesAzuriteTests(AzuriteFixture azurite)
{
    private static readonly string Cafe = Markdown.Article("First version of the café article.", "title: Café déjà vu");
    private static readonly string OtherCafe = Markdown.Article("A different article that happens to have the same title.", "title: Café déjà vu");

    [Fact]
    public async Task Post_derives_the_slug_from_the_title()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PostAsync(Cafe);

        var body = ResponseAssert.Json(response, StatusCodes.Status202Accepted);
        Assert.Equal("cafe-deja-vu", body.GetProperty("slug").GetString());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("/api/articles/cafe-deja-vu", body.GetProperty("statusUrl").GetString());
        Assert.Equal("/api/articles/cafe-deja-vu", response.Headers.Location.ToString());
        var article = ResponseAssert.Json(await host.GetAsync("cafe-deja-vu"), StatusCodes.Status200OK);
        Assert.Equal("Café déjà vu", article.GetProperty("title").GetString());
        Assert.True(await host.Articles.GetBlobClient("cafe-deja-vu.md").ExistsAsync());
    }

    [Fact]
    public async Task Post_takes_the_slug_from_the_front_matter()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PostAsync(Markdown.Article("Body.", "title: Something else entirely", "slug: chosen-by-editor"));

        var body = ResponseAssert.Json(response, StatusCodes.Status202Accepted);
        Assert.Equal("chosen-by-editor", body.GetProperty("slug").GetString());
        Assert.Equal("/api/articles/chosen-by-editor", body.GetProperty("statusUrl").GetString());
        ResponseAssert.Json(await host.GetAsync("chosen-by-editor"), StatusCodes.Status200OK);
    }

    [Fact]
    public async Task Post_of_a_different_article_with_a_taken_slug_answers_409_problem()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PostAsync(Cafe), StatusCodes.Status202Accepted);

        var response = await host.PostAsync(OtherCafe);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status409Conflict);
        Assert.Equal("cafe-deja-vu", problem.GetProperty("slug").GetString());
        Assert.Contains("overwrite=true", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        var article = ResponseAssert.Json(await host.GetAsync("cafe-deja-vu"), StatusCodes.Status200OK);
        Assert.Equal("First version of the café article.", article.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Post_with_overwrite_replaces_the_article_under_a_taken_slug()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PostAsync(Cafe), StatusCodes.Status202Accepted);

        var response = await host.PostAsync(OtherCafe, query: "overwrite=true");

        var body = ResponseAssert.Json(response, StatusCodes.Status202Accepted);
        Assert.Equal("cafe-deja-vu", body.GetProperty("slug").GetString());
        var article = ResponseAssert.Json(await host.GetAsync("cafe-deja-vu"), StatusCodes.Status200OK);
        Assert.Equal("A different article that happens to have the same title.", article.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Post_of_the_identical_file_again_is_accepted_not_a_conflict()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PostAsync(Cafe), StatusCodes.Status202Accepted);
        var etag = (await host.Articles.GetBlobClient("cafe-deja-vu.md").GetPropertiesAsync()).Value.ETag;

        var response = await host.PostAsync(Cafe);

        var body = ResponseAssert.Json(response, StatusCodes.Status202Accepted);
        Assert.Equal("cafe-deja-vu", body.GetProperty("slug").GetString());
        Assert.Equal(etag, (await host.Articles.GetBlobClient("cafe-deja-vu.md").GetPropertiesAsync()).Value.ETag);
    }

    [Fact]
    public async Task Post_of_the_identical_file_after_publishing_reports_it_published()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PostAsync(Cafe), StatusCodes.Status202Accepted);
        await host.PublishAsync("cafe-deja-vu.md");

        var response = await host.PostAsync(Cafe);

        var body = ResponseAssert.Json(response, StatusCodes.Status202Accepted);
        Assert.Equal("published", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_with_an_overwrite_flag_that_is_not_a_boolean_answers_400_problem()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PostAsync(Cafe, query: "overwrite=perhaps");

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        Assert.Contains("overwrite='perhaps'", ResponseAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_multipart_with_a_broken_file_answers_207_with_a_result_per_file()
    {
        await using var host = PipelineHost.Start(azurite);
        var body = new MultipartBody()
            .File("first.md", Markdown.Article("Markdown body.", "title: First of three"), "text/markdown")
            .File("second.txt", "Second of three\n\nPlain text body.\n", contentType: null)
            .File("broken.md", Markdown.Article("Body.", "title: Broken", "date: tomorrow"), "text/markdown");

        var response = await host.PostAsync(body);

        var files = ResponseAssert.Json(response, StatusCodes.Status207MultiStatus).GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["first.md", "second.txt", "broken.md"], files.Select(f => f.GetProperty("fileName").GetString()));

        Assert.Equal("first-of-three", files[0].GetProperty("slug").GetString());
        Assert.Equal("pending", files[0].GetProperty("status").GetString());
        Assert.Equal("/api/articles/first-of-three", files[0].GetProperty("statusUrl").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, files[0].GetProperty("problem").ValueKind);

        Assert.Equal("second-of-three", files[1].GetProperty("slug").GetString());
        Assert.Equal("/api/articles/second-of-three", files[1].GetProperty("statusUrl").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, files[1].GetProperty("problem").ValueKind);

        var problem = files[2].GetProperty("problem");
        ResponseAssert.ProblemBody(problem, StatusCodes.Status400BadRequest);
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Contains("tomorrow", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, files[2].GetProperty("statusUrl").ValueKind);

        ResponseAssert.Json(await host.GetAsync("first-of-three"), StatusCodes.Status200OK);
        ResponseAssert.Json(await host.GetAsync("second-of-three"), StatusCodes.Status200OK);
        ResponseAssert.Problem(await host.GetAsync("broken"), StatusCodes.Status404NotFound);
    }

    [Fact]
    public async Task Post_multipart_with_only_valid_files_answers_202()
    {
        await using var host = PipelineHost.Start(azurite);
        var body = new MultipartBody()
            .File("one.md", Markdown.Article("Body one.", "title: Number one"), "text/markdown")
            .File("two.md", Markdown.Article("Body two.", "title: Number two"), "application/octet-stream");

        var response = await host.PostAsync(body);

        var files = ResponseAssert.Json(response, StatusCodes.Status202Accepted).GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["number-one", "number-two"], files.Select(f => f.GetProperty("slug").GetString()));
        Assert.All(files, f => Assert.Equal("pending", f.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(100_000)]
    public async Task Post_multipart_with_a_file_over_the_size_limit_refuses_that_file_with_413(int size)
    {
        await using var host = PipelineHost.Start(azurite, new Dictionary<string, string?> { ["ContentPipeline:MaxUploadBytes"] = "1024" });
        var body = new MultipartBody()
            .File("small.md", Markdown.Article("Small body.", "title: Small one"), "text/markdown")
            .File("large.md", Markdown.Article(new string('x', size), "title: Large one"), "text/markdown")
            .File("after.md", Markdown.Article("After the large one.", "title: After the large one"), "text/markdown");

        var response = await host.PostAsync(body);

        var files = ResponseAssert.Json(response, StatusCodes.Status207MultiStatus).GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["small.md", "large.md", "after.md"], files.Select(f => f.GetProperty("fileName").GetString()));
        Assert.Equal("small-one", files[0].GetProperty("slug").GetString());
        ResponseAssert.ProblemBody(files[1].GetProperty("problem"), StatusCodes.Status413PayloadTooLarge);
        Assert.Contains("1,024 bytes", ResponseAssert.Detail(files[1].GetProperty("problem")), StringComparison.Ordinal);
        Assert.Equal("after-the-large-one", files[2].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Post_multipart_with_more_files_than_allowed_handles_the_first_ones_and_reports_the_rest_as_a_problem()
    {
        // Parts are ingested as they stream in (one file in memory at a time), so the count is only known at the
        // end: the first 100 are stored and reported, and a last entry says what was refused.
        await using var host = PipelineHost.Start(azurite);
        var body = new MultipartBody();
        for (var i = 1; i <= UploadReader.MaxFilesPerRequest + 1; i++)
        {
            body.File($"file-{i}.md", Markdown.Article("Body.", $"title: File {i}"), "text/markdown");
        }

        var response = await host.PostAsync(body);

        var files = ResponseAssert.Json(response, StatusCodes.Status207MultiStatus).GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(UploadReader.MaxFilesPerRequest + 1, files.Count);
        Assert.All(files.Take(UploadReader.MaxFilesPerRequest), file => Assert.Equal("pending", file.GetProperty("status").GetString()));
        var refused = files[^1].GetProperty("problem");
        Assert.Equal(StatusCodes.Status400BadRequest, refused.GetProperty("status").GetInt32());
        Assert.Contains("at most 100 files", ResponseAssert.Detail(refused), StringComparison.Ordinal);
        Assert.False(await host.Articles.GetBlobClient("file-101.md").ExistsAsync(), "The file past the limit must not be stored.");
    }

    [Fact]
    public async Task Post_multipart_without_a_boundary_answers_400_problem()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.PostAsync(HttpContexts.Utf8("--x\r\n\r\n--x--\r\n"), "multipart/form-data");

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        Assert.Contains("boundary", ResponseAssert.Detail(problem), StringComparison.Ordinal);
    }
}
