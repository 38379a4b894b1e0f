using System.Text;
using ContentPipeline.Functions.Articles;
using ContentPipeline.Functions.Site;
using ContentPipeline.Functions.Tests.Support;
using ContentPipeline.Testing;
using Microsoft.AspNetCore.Http;

namespace ContentPipeline.Functions.Tests;

/// <summary>Unpublishing and the listings through the app's functions, on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiteAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Delete_over_the_api_takes_the_article_off_every_listing_after_the_rebuild()
    {
        await using var host = PipelineHost.Start(azurite);
        await PublishAsync(host, "stays", "Stays");
        await PublishAsync(host, "leaves", "Leaves");
        await host.Function<RebuildSite>().Run("rebuild", CancellationToken.None);
        Assert.Contains("Leaves", await SiteTextAsync(host, "index.html"), StringComparison.Ordinal);

        Assert.Equal(StatusCodes.Status204NoContent, (await host.DeleteAsync("leaves")).StatusCode);
        await host.Function<RebuildSite>().Run("rebuild", CancellationToken.None);

        var home = await SiteTextAsync(host, "index.html");
        Assert.DoesNotContain("Leaves", home, StringComparison.Ordinal);
        Assert.Contains("Stays", home, StringComparison.Ordinal);
        Assert.DoesNotContain("leaves", await SiteTextAsync(host, "sitemap.xml"), StringComparison.Ordinal);
        Assert.False((await host.Articles.GetBlobClient("leaves.md").ExistsAsync()).Value);
        Assert.False((await host.Site.GetBlobClient("articles/leaves/index.html").ExistsAsync()).Value);
    }

    // Article pages live in articles/{slug}/, so slugs named like the site's own folders and files are accepted:
    // their pages and the listings live side by side, and a rebuild, which deletes listing files it no longer
    // plans under page/, tags/ and sitemap-, leaves them alone.
    [Fact]
    public async Task Articles_named_like_site_folders_live_beside_the_listings_through_rebuilds()
    {
        await using var host = PipelineHost.Start(azurite, new Dictionary<string, string?> { ["ContentPipeline:ListPageSize"] = "2" });
        string[] slugs = ["index", "tags", "page", "assets", "feed", "sitemap", "robots"];
        foreach (var slug in slugs)
        {
            await PublishAsync(host, slug, $"Named {slug}");
        }

        await host.Function<RebuildSite>().Run("rebuild", CancellationToken.None);
        await host.Function<RebuildSite>().Run("rebuild", CancellationToken.None);

        var listings = string.Concat(await Task.WhenAll(new[] { "index.html", "page/2/index.html", "page/3/index.html", "page/4/index.html" }.Select(path => SiteTextAsync(host, path))));
        foreach (var slug in slugs)
        {
            Assert.Contains($"Named {slug}", await SiteTextAsync(host, $"articles/{slug}/index.html"), StringComparison.Ordinal);
            Assert.Contains($"/articles/{slug}/", await SiteTextAsync(host, "sitemap.xml"), StringComparison.Ordinal);
            Assert.Contains($"/articles/{slug}/", listings, StringComparison.Ordinal);
        }

        Assert.True((await host.Site.GetBlobClient("tags/index.html").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Draft_and_scheduled_articles_report_their_status()
    {
        await using var host = PipelineHost.Start(azurite);
        ResponseAssert.Json(await host.PutAsync("drafted", Markdown.Article("Body.", "title: Drafted", "draft: true")), StatusCodes.Status202Accepted);
        ResponseAssert.Json(await host.PutAsync("later", Markdown.Article("Body.", "title: Later", "date: 2999-01-01")), StatusCodes.Status202Accepted);
        await host.PublishAsync("drafted.md");
        await host.PublishAsync("later.md");

        Assert.Equal("draft", (await host.GetAsync("drafted")).Text("status"));
        Assert.Equal("scheduled", (await host.GetAsync("later")).Text("status"));
        Assert.Null((await host.GetAsync("later")).Text("url"));
    }

    [Fact]
    public async Task The_event_grid_webhook_answers_the_validation_handshake()
    {
        await using var host = PipelineHost.Start(azurite);

        var response = await PostEventsAsync(host, """
            [{"id":"1","topic":"/subscriptions/x","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
              "eventTime":"2026-01-01T00:00:00Z","dataVersion":"1","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}}]
            """);

        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", ResponseAssert.Json(response, StatusCodes.Status200OK).GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task A_blob_deleted_event_unpublishes_the_article_unless_it_still_has_a_source()
    {
        await using var host = PipelineHost.Start(azurite);
        await PublishAsync(host, "deleted", "Deleted");
        await PublishAsync(host, "converted", "Converted");
        await host.Articles.GetBlobClient("deleted.md").DeleteAsync();
        // "converted" was re-uploaded as plain text, which deletes its Markdown file: that delete must not unpublish it.
        ResponseAssert.Json(await host.PutAsync("converted", "Converted\n\nNow plain text.", MediaTypes.PlainText), StatusCodes.Status202Accepted);

        var response = await PostEventsAsync(host, $"[{BlobDeleted(host, "deleted.md")},{BlobDeleted(host, "converted.md")},{BlobDeleted(host, "notes.bin")}]");

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        ResponseAssert.Problem(await host.GetAsync("deleted"), StatusCodes.Status404NotFound);
        Assert.False((await host.Site.GetBlobClient("articles/deleted/index.html").ExistsAsync()).Value);
        ResponseAssert.Json(await host.GetAsync("converted"), StatusCodes.Status200OK);
    }

    [Fact]
    public async Task A_body_that_is_not_event_grid_events_answers_400()
    {
        await using var host = PipelineHost.Start(azurite);

        var problem = ResponseAssert.Problem(await PostEventsAsync(host, "{not json"), StatusCodes.Status400BadRequest);

        Assert.Equal("Invalid Event Grid body", problem.GetProperty("title").GetString());
        Assert.Contains("Event Grid events", ResponseAssert.Detail(problem), StringComparison.Ordinal);
    }

    private static async Task PublishAsync(PipelineHost host, string slug, string title)
    {
        ResponseAssert.Json(await host.PutAsync(slug, Markdown.Article("Body.", $"title: {title}", "date: 2024-01-02")), StatusCodes.Status202Accepted);
        await host.PublishAsync(slug + ".md");
    }

    private static string BlobDeleted(PipelineHost host, string name) => $$"""
        {"id":"{{Guid.NewGuid()}}","topic":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
         "subject":"/blobServices/default/containers/{{host.Options.ArticlesContainer}}/blobs/{{name}}",
         "eventType":"Microsoft.Storage.BlobDeleted","eventTime":"2026-01-01T00:00:00Z","dataVersion":"1",
         "data":{"api":"DeleteBlob","blobType":"BlockBlob","url":"https://acct.blob.core.windows.net/{{host.Options.ArticlesContainer}}/{{name}}"} }
        """;

    private static async Task<FunctionResponse> PostEventsAsync(PipelineHost host, string json)
    {
        var http = HttpContexts.Create(host, HttpMethods.Post, "/api/events/articles", body: Encoding.UTF8.GetBytes(json), contentType: "application/json");
        return await FunctionResponse.ExecuteAsync(await host.Function<ArticleBlobEvents>().Run(http.Request, http.RequestAborted), http);
    }

    private static async Task<string> SiteTextAsync(PipelineHost host, string path) =>
        (await host.Site.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToString();
}
