using ContentPipeline.Cli.Tests.Support;
using ContentPipeline.Testing.EndToEnd;
using Xunit.Abstractions;

namespace ContentPipeline.Cli.Tests.EndToEnd;

/// <summary><c>cpipe status</c> and <c>cpipe list</c> against the real local host.</summary>
[Collection(LocalHostCollectionDefinition.Name)]
public sealed class CatalogEndToEndTests : IDisposable
{
    private readonly ContentPipelineHostFixture fixture;
    private readonly LocalHostSession session;
    private readonly TempFolder folder = new();

    public CatalogEndToEndTests(ContentPipelineHostFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Log.WriteTo(output);
        session = new LocalHostSession(fixture.Host, output);
    }

    public void Dispose()
    {
        fixture.Log.WriteTo(null);
        folder.Dispose();
    }

    [Fact]
    public async Task Status_of_a_slug_shows_the_article_its_page_and_its_views()
    {
        var slug = LocalHostSession.UniqueSlug("status");
        folder.Write($"{slug}.md", "---\ntitle: Status shown\ntags: [one, two]\n---\nBody.\n");
        using (var publish = Cpipe.Redirected())
        {
            Assert.Equal(ExitCodes.Success, await session.RunAsync(publish, folder.Path, "publish", "."));
        }

        await CountViewAsync(slug);
        using var console = Cpipe.Redirected();
        var exitCode = await session.RunAsync(console, folder.Path, "status", slug);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"Status\s+published", console.Output);
        Assert.Matches(@"Title\s+Status shown", console.Output);
        Assert.Matches(@"Views\s+1\b", console.Output);
        Assert.Matches(@"Tags\s+one, two", console.Output);
        Assert.Contains($"/articles/{slug}/", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_an_unknown_slug_says_so_and_fails()
    {
        using var console = Cpipe.Redirected();

        var exitCode = await session.RunAsync(console, folder.Path, "status", LocalHostSession.UniqueSlug("unknown"));

        Assert.Equal(ExitCodes.ArticlesFailed, exitCode);
        Assert.Contains("There is no article", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_a_slug_lists_a_failed_article_with_its_source_line_and_reason()
    {
        var bad = LocalHostSession.UniqueSlug("status-bad");
        folder.Write($"{bad}.md", "---\ntitle: Bad\ntags: [unclosed\n---\nBody.\n");
        using (var publish = Cpipe.Redirected())
        {
            // Straight into storage: only then does a bad file reach the catalog as failed (the API refuses it at once).
            await session.RunAsync(publish, folder.Path, "publish", ".", "--storage", fixture.Host.Host.StorageConnectionString);
        }

        using var console = Cpipe.Redirected();
        var exitCode = await session.RunAsync(console, folder.Path, "status");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"[0-9]+ article\(s\): .*[0-9]+ failed", console.Output);
        var row = console.Lines.Single(l => l.Contains(bad, StringComparison.Ordinal));
        Assert.Contains("failed", row, StringComparison.Ordinal);
        Assert.Matches($@"{bad}\.md:[0-9]+", row);
    }

    [Fact]
    public async Task List_shows_every_article_with_its_status_and_views()
    {
        var viewed = LocalHostSession.UniqueSlug("listed-viewed");
        var draft = LocalHostSession.UniqueSlug("listed-draft");
        folder.Write($"{viewed}.md", "# Viewed\n\nRead twice.\n");
        folder.Write($"{draft}.md", "---\ntitle: Draft\ndraft: true\n---\nHidden.\n");
        using (var publish = Cpipe.Redirected())
        {
            Assert.Equal(ExitCodes.Success, await session.RunAsync(publish, folder.Path, "publish", "."));
        }

        await CountViewAsync(viewed);
        await CountViewAsync(viewed);
        using var console = Cpipe.Redirected();
        var exitCode = await session.RunAsync(console, folder.Path, "list");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"│\s*2\s*│", console.Lines.Single(l => l.Contains(viewed, StringComparison.Ordinal)));
        var draftRow = console.Lines.Single(l => l.Contains(draft, StringComparison.Ordinal));
        Assert.Contains("draft", draftRow.Replace(draft, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("–", draftRow, StringComparison.Ordinal); // no page, so no views to speak of
    }

    private async Task CountViewAsync(string slug)
    {
        using var response = await fixture.Host.Api.PostAsync(new Uri($"api/views/{slug}", UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
    }
}
