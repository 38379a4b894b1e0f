using ContentPipeline.Cli.Tests.Support;
using ContentPipeline.Testing.EndToEnd;
using Xunit.Abstractions;

namespace ContentPipeline.Cli.Tests.EndToEnd;

/// <summary>
/// <c>cpipe publish --prune</c> takes down every article of the site that no file stands for, so it gets a host and
/// a site of its own: on the shared host it would take down the other tests' articles.
/// </summary>
[Collection(LocalHostCollectionDefinition.Name)]
public sealed class PruneEndToEndTests : IClassFixture<PruneEndToEndTests.OwnHost>, IDisposable
{
    private readonly OwnHost host;
    private readonly LocalHostSession session;
    private readonly TempFolder folder = new();

    public PruneEndToEndTests(OwnHost host, ITestOutputHelper output)
    {
        this.host = host;
        host.Fixture.Log.WriteTo(output);
        session = new LocalHostSession(host.Fixture.Host, output);
    }

    public void Dispose()
    {
        host.Fixture.Log.WriteTo(null);
        folder.Dispose();
    }

    [Fact]
    public async Task Pruning_asks_on_a_terminal_and_unpublishes_the_articles_whose_files_are_gone()
    {
        var kept = LocalHostSession.UniqueSlug("kept");
        var removed = LocalHostSession.UniqueSlug("removed");
        folder.Write($"{kept}.md", "# Kept\n");
        var removedPath = folder.Write($"{removed}.md", "# Removed\n");
        using (var setup = Cpipe.Redirected())
        {
            Assert.Equal(ExitCodes.Success, await session.RunAsync(setup, folder.Path, "publish", "."));
        }

        File.Delete(removedPath);
        using var console = Cpipe.Terminal();
        console.Input.PushTextWithEnter("y");
        var exitCode = await session.RunAsync(console, folder.Path, "publish", ".", "--prune");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Unpublish them?", console.Output, StringComparison.Ordinal);
        Assert.Contains($"  {removed}", console.Output, StringComparison.Ordinal);
        // Only this test's own articles are asserted on: the other tests of this class share the host's site.
        Assert.Matches($@"unpublished +│ \(file gone\) +│ {removed} ", console.Output);
        Assert.DoesNotMatch($@"unpublished .*{kept}", console.Output);
        Assert.Null(await session.StatusAsync(removed));
        Assert.Null(await session.PageAsync(removed));
        Assert.Equal("published", await session.StatusAsync(kept));
    }

    [Fact]
    public async Task Pruning_with_yes_needs_no_terminal_and_declining_on_a_terminal_unpublishes_nothing()
    {
        var first = LocalHostSession.UniqueSlug("first");
        var second = LocalHostSession.UniqueSlug("second");
        var firstPath = folder.Write($"{first}.md", "# First\n");
        folder.Write($"{second}.md", "# Second\n");
        using (var setup = Cpipe.Redirected())
        {
            Assert.Equal(ExitCodes.Success, await session.RunAsync(setup, folder.Path, "publish", "."));
        }

        File.Delete(firstPath);
        using var declined = Cpipe.Terminal();
        declined.Input.PushTextWithEnter("n");
        Assert.Equal(ExitCodes.Success, await session.RunAsync(declined, folder.Path, "publish", ".", "--prune"));
        Assert.Contains("Nothing will be unpublished.", declined.Output, StringComparison.Ordinal);
        Assert.Equal("published", await session.StatusAsync(first));

        using var console = Cpipe.Redirected();
        var exitCode = await session.RunAsync(console, folder.Path, "publish", ".", "--prune", "--yes");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches($@"unpublished +\({first}\)", console.Output);
        Assert.Null(await session.StatusAsync(first));
        Assert.Equal("published", await session.StatusAsync(second));
    }

    [Fact]
    public async Task Pruning_from_a_folder_without_articles_is_refused_even_with_yes()
    {
        folder.Write("notes.txt.bak", "not an article");
        using var console = Cpipe.Redirected();

        var exitCode = await session.RunAsync(console, folder.Path, "publish", ".", "--prune", "--yes");

        Assert.Equal(ExitCodes.Refused, exitCode);
        Assert.Contains("holds no article", console.Output, StringComparison.Ordinal);
    }

    /// <summary>A host of this class's own.</summary>
    public sealed class OwnHost : IAsyncLifetime
    {
        public ContentPipelineHostFixture Fixture { get; } = new();

        public Task InitializeAsync() => Fixture.InitializeAsync();

        public Task DisposeAsync() => Fixture.DisposeAsync();
    }
}
