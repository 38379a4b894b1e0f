using Azure.Data.Tables;
using ContentPipeline.Storage.Views;
using ContentPipeline.Testing;
using static ContentPipeline.Storage.Tests.StorageTestContext;

namespace ContentPipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ViewCounterAzuriteTests(AzuriteFixture azurite)
{
    // Compaction folds in every delta at once, so tests can race it against counting.
    private static ViewCounterOptions CompactImmediately() => new() { CompactionAge = TimeSpan.Zero };

    [Fact]
    public async Task A_thousand_concurrent_views_of_one_article_are_all_counted_once_in_group_committed_rows()
    {
        var context = new StorageTestContext(azurite);
        await context.PublishArticleAsync("hot");

        var answers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => context.Views.CountAsync(SlugOf("hot")))));

        Assert.All(answers, total => Assert.InRange(total!.Value, 1, 1000));
        Assert.Equal(1000, answers.Max());
        Assert.Equal(1000, await context.Views.ReadAsync(SlugOf("hot")));
        var rows = await context.ViewRowsAsync("hot");
        Assert.Equal(1000, rows.Sum(row => row.GetInt64("Views")));

        // Group commit: views that arrived together share a row, so there are far fewer rows than views.
        Assert.InRange(rows.Count, 1, 500);
    }

    [Fact]
    public async Task Answers_catch_up_with_views_another_instance_committed()
    {
        var context = new StorageTestContext(azurite, viewOptions: new ViewCounterOptions { TotalRefreshInterval = TimeSpan.Zero });
        await context.PublishArticleAsync("shared");
        var otherInstance = new ViewCommitter(context.ViewTable, context.Compactor, context.ViewOptions, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ViewCommitter>.Instance);
        for (var i = 0; i < 3; i++)
        {
            await context.Views.CountAsync(SlugOf("shared"));
        }

        Assert.Equal(4, await otherInstance.CommitAsync("shared"));
        Assert.Equal(5, await otherInstance.CommitAsync("shared"));

        // This instance answered 3 last; its background reads bring in the other instance's two views.
        long answer = 0;
        for (var attempt = 0; attempt < 50 && answer != await context.Views.ReadAsync(SlugOf("shared")); attempt++)
        {
            answer = (await context.Views.CountAsync(SlugOf("shared")))!.Value;
            await Task.Delay(20);
        }

        Assert.Equal(await context.Views.ReadAsync(SlugOf("shared")), answer);
    }

    [Fact]
    public async Task Unknown_and_unpublished_articles_count_nothing_and_get_no_rows()
    {
        var context = new StorageTestContext(azurite);
        await context.UploadSourceAsync("broken.md", "---\ntitle: [unclosed\n---\nx");
        await context.Publisher.PublishAsync(context.SourceBlob("broken.md"));
        await context.Publisher.PublishAsync(await context.UploadSourceAsync("draft.md", "---\ntitle: Draft\ndraft: true\n---\nx"));

        Assert.Null(await context.Views.CountAsync(SlugOf("nobody-wrote-this")));
        Assert.Null(await context.Views.CountAsync(SlugOf("broken")));
        Assert.Null(await context.Views.CountAsync(SlugOf("draft")));
        Assert.Null(await context.Views.ReadAsync(SlugOf("draft")));
        Assert.Empty(await context.ViewRowsAsync("nobody-wrote-this"));
        Assert.Empty(await context.ViewRowsAsync("broken"));
        Assert.Empty(await context.ViewRowsAsync("draft"));
    }

    [Fact]
    public async Task A_delta_insert_retried_after_its_answer_was_lost_is_stored_once()
    {
        var context = new StorageTestContext(azurite);
        var key = ViewCounterTable.NewDeltaKey(DateTimeOffset.UtcNow);

        await context.ViewTable.InsertDeltaAsync("retried", key, 5, CancellationToken.None);
        await context.ViewTable.InsertDeltaAsync("retried", key, 5, CancellationToken.None);

        Assert.Equal(5, (await context.ViewTable.ReadAsync("retried", CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Compaction_racing_counting_and_other_compactions_keeps_the_count_exact_and_the_rows_few()
    {
        var context = new StorageTestContext(azurite, viewOptions: CompactImmediately());
        await context.PublishArticleAsync("raced");
        using var stop = new CancellationTokenSource();

        var compactors = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await context.Compactor.CompactAsync("raced");
            }
        })).ToList();
        await Task.WhenAll(Enumerable.Range(0, 600).Select(_ => Task.Run(() => context.Views.CountAsync(SlugOf("raced")))));
        await stop.CancelAsync();
        await Task.WhenAll(compactors);
        await context.Compactor.CompactAsync("raced");

        Assert.Equal(600, await context.Views.ReadAsync(SlugOf("raced")));
        var rows = await context.ViewRowsAsync("raced");
        Assert.Equal("total", Assert.Single(rows).RowKey);
        Assert.Equal(600, rows[0].GetInt64("Views"));
    }

    [Fact]
    public async Task A_compaction_interrupted_between_writing_the_total_and_deleting_its_deltas_counts_them_once()
    {
        var context = new StorageTestContext(azurite, viewOptions: CompactImmediately());
        var first = ViewCounterTable.NewDeltaKey(DateTimeOffset.UtcNow.AddSeconds(-2));
        var second = ViewCounterTable.NewDeltaKey(DateTimeOffset.UtcNow.AddSeconds(-1));
        await context.ViewTable.InsertDeltaAsync("crashed", first, 3, CancellationToken.None);
        await context.ViewTable.InsertDeltaAsync("crashed", second, 4, CancellationToken.None);

        // The compaction that "crashed": the total now includes both deltas, which are still there.
        Assert.True(await context.ViewTable.TryReplaceTotalAsync("crashed", 7, [first, second], expected: null, CancellationToken.None));
        await context.ViewTable.InsertDeltaAsync("crashed", ViewCounterTable.NewDeltaKey(DateTimeOffset.UtcNow), 1, CancellationToken.None);

        Assert.Equal(8, (await context.ViewTable.ReadAsync("crashed", CancellationToken.None)).Total);
        await context.Compactor.CompactAsync("crashed");
        Assert.Equal(8, (await context.ViewTable.ReadAsync("crashed", CancellationToken.None)).Total);
        Assert.Single(await context.ViewRowsAsync("crashed"));
    }

    [Fact]
    public async Task A_total_written_by_a_stale_compaction_is_refused()
    {
        var context = new StorageTestContext(azurite);
        Assert.True(await context.ViewTable.TryReplaceTotalAsync("stale", 1, [], expected: null, CancellationToken.None));
        var read = await context.ViewTable.ReadAsync("stale", CancellationToken.None);
        Assert.True(await context.ViewTable.TryReplaceTotalAsync("stale", 2, [], read.TotalETag, CancellationToken.None));

        Assert.False(await context.ViewTable.TryReplaceTotalAsync("stale", 99, [], read.TotalETag, CancellationToken.None));
        Assert.False(await context.ViewTable.TryReplaceTotalAsync("stale", 99, [], expected: null, CancellationToken.None));
        Assert.Equal(2, (await context.ViewTable.ReadAsync("stale", CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Deltas_younger_than_the_compaction_age_are_left_alone()
    {
        var context = new StorageTestContext(azurite, viewOptions: new ViewCounterOptions { CompactionAge = TimeSpan.FromMinutes(1) });
        await context.ViewTable.InsertDeltaAsync("young", ViewCounterTable.NewDeltaKey(DateTimeOffset.UtcNow.AddMinutes(-2)), 2, CancellationToken.None);
        await context.ViewTable.InsertDeltaAsync("young", ViewCounterTable.NewDeltaKey(DateTimeOffset.UtcNow), 3, CancellationToken.None);

        Assert.Equal(1, await context.Compactor.CompactAsync("young"));

        var rows = await context.ViewRowsAsync("young");
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows.Single(r => r.RowKey == "total").GetInt64("Views"));
        Assert.Equal(5, (await context.ViewTable.ReadAsync("young", CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Counts_survive_re_rendering_and_re_uploading_the_article()
    {
        var context = new StorageTestContext(azurite);
        await context.PublishArticleAsync("kept", "# Kept\n\nFirst version.");
        for (var i = 0; i < 3; i++)
        {
            await context.Views.CountAsync(SlugOf("kept"));
        }

        await context.Publisher.PublishAsync(context.SourceBlob("kept.md"));
        await context.PublishArticleAsync("kept", "# Kept\n\nSecond version.");

        Assert.Equal(3, await context.Views.ReadAsync(SlugOf("kept")));
        Assert.Equal(4, await context.Views.CountAsync(SlugOf("kept")));
    }

    [Fact]
    public async Task Unpublishing_removes_the_counter_with_the_source_page_and_catalog_row()
    {
        var context = new StorageTestContext(azurite, viewOptions: CompactImmediately());
        await context.PublishArticleAsync("gone");
        for (var i = 0; i < 5; i++)
        {
            await context.Views.CountAsync(SlugOf("gone"));
        }

        await context.Compactor.CompactAsync("gone");
        await context.Views.CountAsync(SlugOf("gone"));

        Assert.True(await context.Unpublisher.UnpublishAsync(SlugOf("gone")));

        Assert.Empty(await context.ViewRowsAsync("gone"));
        Assert.Null(await context.Catalog.GetAsync(SlugOf("gone")));
        Assert.False((await context.SourceBlob("gone.md").ExistsAsync()).Value);
        Assert.False((await context.Pages.PageBlob(SlugOf("gone")).ExistsAsync()).Value);
        Assert.Null(await context.Views.CountAsync(SlugOf("gone")));
        Assert.False(await context.Unpublisher.UnpublishAsync(SlugOf("gone")));
    }

    [Fact]
    public async Task Top_ranks_readable_articles_by_views_and_leaves_out_deleted_ones()
    {
        var context = new StorageTestContext(azurite);
        foreach (var (slug, views) in new[] { ("one", 1), ("three", 3), ("two", 2), ("also-two", 2), ("deleted", 9) })
        {
            await context.PublishArticleAsync(slug);
            for (var i = 0; i < views; i++)
            {
                await context.Views.CountAsync(SlugOf(slug));
            }
        }

        // Rows left behind by a view that raced the deletion must not rank.
        await context.Catalog.DeleteAsync(SlugOf("deleted"));

        var top = await context.Views.TopAsync(3);

        Assert.Equal([("three", 3L), ("also-two", 2L), ("two", 2L)], top.Select(a => (a.Slug, a.Views)));
    }
}
