using ContentPipeline.Cli.Tests.Support;
using ContentPipeline.Testing.EndToEnd;
using Xunit.Abstractions;

namespace ContentPipeline.Cli.Tests.EndToEnd;

/// <summary><c>cpipe status</c> and <c>cpipe list</c> against the real local host.</summary>
[Collection(LocalHostCollectionDefinition.Name)]
public sealed class CatalogEndToEndTests(ContentPipelineHostFixture fixture, ITestOutputHelper output) : LocalHostTests(fixture, output)
{
    [Fact]
    public async Task Status_of_a_slug_shows_the_article_its_page_and_its_views()
    {
        var slug = LocalHostSession.UniqueSlug("status");
        Folder.Write($"{slug}.md", "---\ntitle: Status shown\ntags: [one, two]\n---\nBody.\n");
        await PublishFolderAsync();

        await CountViewAsync(slug);
        var run = await RunAsync("status", slug);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"Status\s+published", run.Output);
        Assert.Matches(@"Title\s+Status shown", run.Output);
        Assert.Matches(@"Views\s+1\b", run.Output);
        Assert.Matches(@"Tags\s+one, two", run.Output);
        Assert.Contains($"/articles/{slug}/", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_an_unknown_slug_says_so_and_fails()
    {

        var run = await RunAsync("status", LocalHostSession.UniqueSlug("unknown"));

        Assert.Equal(ExitCodes.ArticlesFailed, run.ExitCode);
        Assert.Contains("There is no article", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_a_slug_lists_a_failed_article_with_its_source_line_and_reason()
    {
        var bad = LocalHostSession.UniqueSlug("status-bad");
        Folder.Write($"{bad}.md", "---\ntitle: Bad\ntags: [unclosed\n---\nBody.\n");
        // Straight into storage: only then does a bad file reach the catalog as failed (the API refuses it at once).
        await RunAsync("publish", ".", "--storage", Host.Host.StorageConnectionString);

        var run = await RunAsync("status");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"[0-9]+ article\(s\): .*[0-9]+ failed", run.Output);
        var row = run.Lines.Single(l => l.Contains(bad, StringComparison.Ordinal));
        Assert.Contains("failed", row, StringComparison.Ordinal);
        Assert.Matches($@"{bad}\.md:[0-9]+", row);
    }

    [Fact]
    public async Task List_shows_every_article_with_its_status_and_views()
    {
        var viewed = LocalHostSession.UniqueSlug("listed-viewed");
        var draft = LocalHostSession.UniqueSlug("listed-draft");
        Folder.Write($"{viewed}.md", "# Viewed\n\nRead twice.\n");
        Folder.Write($"{draft}.md", "---\ntitle: Draft\ndraft: true\n---\nHidden.\n");
        await PublishFolderAsync();

        await CountViewAsync(viewed);
        await CountViewAsync(viewed);
        var run = await RunAsync("list");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"│\s*2\s*│", run.Lines.Single(l => l.Contains(viewed, StringComparison.Ordinal)));
        var draftRow = run.Lines.Single(l => l.Contains(draft, StringComparison.Ordinal));
        Assert.Contains("draft", draftRow.Replace(draft, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("–", draftRow, StringComparison.Ordinal); // no page, so no views to speak of
    }

    private async Task CountViewAsync(string slug)
    {
        using var response = await Host.Api.PostAsync(new Uri($"api/views/{slug}", UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
    }
}
