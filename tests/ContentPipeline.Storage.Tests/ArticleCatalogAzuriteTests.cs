using ContentPipeline.Storage.Catalog;
using ContentPipeline.Testing;
using static ContentPipeline.Storage.Tests.StorageTestContext;

namespace ContentPipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ArticleCatalogAzuriteTests(AzuriteFixture azurite)
{
    private static CatalogEntry Entry(string slug, DateTimeOffset? date, string title = "T") => new()
    {
        Slug = slug,
        Title = title,
        Status = ArticleStatus.Pending,
        SourceBlob = slug + ".md",
        SourceETag = "\"e\"",
        SourceLastModified = DateTimeOffset.UnixEpoch,
        Date = date,
        CreatedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Concurrent_updates_of_one_entry_lose_nothing()
    {
        var context = new StorageTestContext(azurite);
        var slug = SlugOf("contended");
        await context.Catalog.UpdateAsync(slug, _ => Entry("contended", null, title: ""));

        // Each writer appends its own mark to the title; a blind overwrite would drop marks.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            context.Catalog.UpdateAsync(slug, current => current! with { Title = current.Title + $"[{i}]" })));

        var title = (await context.Catalog.GetAsync(slug))!.Title;
        for (var i = 0; i < 12; i++)
        {
            Assert.Contains($"[{i}]", title, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Listing_pages_newest_first_and_visits_every_article_once()
    {
        var context = new StorageTestContext(azurite);
        var dates = new[] { 3, 1, 5, 2, 4 };
        foreach (var day in dates)
        {
            await context.Catalog.UpdateAsync(SlugOf($"day-{day}"), _ => Entry($"day-{day}", new DateTimeOffset(2024, 1, day, 0, 0, 0, TimeSpan.Zero)));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await context.Catalog.ListAsync(2, token);
            seen.AddRange(page.Entries.Select(e => e.Slug));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["day-5", "day-4", "day-3", "day-2", "day-1"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task An_undated_article_sorts_by_when_it_was_first_seen()
    {
        var context = new StorageTestContext(azurite);
        await context.Catalog.UpdateAsync(SlugOf("old"), _ => Entry("old", new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        await context.Catalog.UpdateAsync(SlugOf("undated"), _ => Entry("undated", null));

        var page = await context.Catalog.ListAsync(10, null);

        Assert.Equal(["undated", "old"], page.Entries.Select(e => e.Slug));
    }

    [Fact]
    public async Task Listing_an_empty_catalog_gives_no_entries_and_no_token()
    {
        var context = new StorageTestContext(azurite);

        var page = await context.Catalog.ListAsync(10, null);

        Assert.Empty(page.Entries);
        Assert.Null(page.ContinuationToken);
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("bm8tY29sb24")]
    public void Foreign_continuation_tokens_are_recognised_as_invalid(string token) =>
        Assert.False(ArticleCatalog.IsValidContinuationToken(token));

    [Fact]
    public async Task Deleting_an_entry_is_idempotent()
    {
        var context = new StorageTestContext(azurite);
        await context.Catalog.UpdateAsync(SlugOf("doomed"), _ => Entry("doomed", null));

        await context.Catalog.DeleteAsync(SlugOf("doomed"));
        await context.Catalog.DeleteAsync(SlugOf("doomed"));

        Assert.Null(await context.Catalog.GetAsync(SlugOf("doomed")));
    }
}
