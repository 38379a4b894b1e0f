using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContentPipeline.Functions.Tests.Support;
using ContentPipeline.Testing;
using Microsoft.AspNetCore.Http;

namespace ContentPipeline.Functions.Tests;

/// <summary><c>GET /api/articles/{slug}</c> and <c>GET /api/articles</c> on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadArticlesAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Get_of_an_unknown_slug_answers_404_problem()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.GetAsync("no-such-article");

        var problem = ResponseAssert.Problem(response, StatusCodes.Status404NotFound);
        Assert.Contains("'no-such-article'", ResponseAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad_Slug")]
    [InlineData("..")]
    [InlineData("a%2Fb")]
    public async Task Get_of_an_invalid_slug_answers_400_problem(string slug)
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.GetAsync(slug);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        Assert.Contains("lowercase a-z, 0-9", ResponseAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=abc")]
    [InlineData("limit=-1")]
    [InlineData("limit=101")]
    [InlineData("continuation=garbage!")]
    [InlineData("continuation=bm90LWEtY3Vyc29y")]
    public async Task List_with_a_bad_query_answers_400_problem(string query)
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.ListAsync(query);

        var problem = ResponseAssert.Problem(response, StatusCodes.Status400BadRequest);
        var detail = ResponseAssert.Detail(problem);
        Assert.Contains(query.StartsWith("limit", StringComparison.Ordinal) ? "1 to 100" : "continuation", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_of_an_empty_catalog_is_an_empty_last_page()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await host.ListAsync();

        var list = ResponseAssert.Json(response, StatusCodes.Status200OK);
        Assert.Empty(list.GetProperty("articles").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, list.GetProperty("continuation").ValueKind);
    }

    [Fact]
    public async Task List_pages_through_every_article_newest_first_exactly_once()
    {
        await using var host = PipelineHost.Start(azurite);
        // Uploaded out of date order, so the order can only come from the dates.
        int[] days = [3, 1, 5, 2, 4];
        foreach (var day in days)
        {
            var slug = string.Create(CultureInfo.InvariantCulture, $"day-{day}");
            var source = Markdown.Article("Body.", $"title: Day {day}", string.Create(CultureInfo.InvariantCulture, $"date: 2024-03-0{day}"));
            ResponseAssert.Json(await host.PutAsync(slug, source), StatusCodes.Status202Accepted);
        }

        var pages = await host.ListAllPagesAsync(limit: 2);

        var bodies = pages.Select(page => ResponseAssert.Json(page, StatusCodes.Status200OK)).ToList();
        Assert.Equal([2, 2, 1], bodies.Select(b => b.GetProperty("articles").GetArrayLength()));
        var slugs = bodies.SelectMany(b => b.GetProperty("articles").EnumerateArray()).Select(a => a.GetProperty("slug").GetString());
        Assert.Equal(["day-5", "day-4", "day-3", "day-2", "day-1"], slugs);
        var dates = bodies.SelectMany(b => b.GetProperty("articles").EnumerateArray()).Select(a => a.GetProperty("date").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(bodies.SkipLast(1), b => Assert.NotNull(b.GetProperty("continuation").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, bodies[^1].GetProperty("continuation").ValueKind);
    }

    [Fact]
    public async Task List_pages_through_articles_of_the_same_date_exactly_once_in_slug_order()
    {
        await using var host = PipelineHost.Start(azurite);
        foreach (var slug in new[] { "same-c", "same-a", "same-d", "same-b" })
        {
            ResponseAssert.Json(await host.PutAsync(slug, Markdown.Article("Body.", $"title: {slug}", "date: 2024-03-01")), StatusCodes.Status202Accepted);
        }

        var pages = await host.ListAllPagesAsync(limit: 1);

        var slugs = pages.SelectMany(page => ResponseAssert.Json(page, StatusCodes.Status200OK).GetProperty("articles").EnumerateArray())
            .Select(a => a.GetProperty("slug").GetString());
        Assert.Equal(["same-a", "same-b", "same-c", "same-d"], slugs);
        Assert.Equal(4, pages.Count);
    }

    [Fact]
    public async Task Get_and_list_show_the_sha256_of_the_source_bytes_as_stored()
    {
        await using var host = PipelineHost.Start(azurite);
        // A byte order mark and CRLF line endings: the hash is of the bytes as sent, not of the decoded text.
        byte[] source = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\ntitle: Hashed\r\n---\r\nBody.\r\n")];
        ResponseAssert.Json(await host.PutAsync("hashed", source, MediaTypes.Markdown), StatusCodes.Status202Accepted);
        var expected = Convert.ToHexStringLower(SHA256.HashData(source));

        var article = ResponseAssert.Json(await host.GetAsync("hashed"), StatusCodes.Status200OK);
        var listed = ResponseAssert.Json(await host.ListAsync(), StatusCodes.Status200OK).GetProperty("articles").EnumerateArray()
            .Single(a => a.GetProperty("slug").GetString() == "hashed");

        Assert.Equal(expected, article.GetProperty("sourceHash").GetString());
        Assert.Equal(expected, listed.GetProperty("sourceHash").GetString());
    }
}
