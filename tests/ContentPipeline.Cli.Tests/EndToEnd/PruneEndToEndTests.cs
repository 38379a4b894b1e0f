using ContentPipeline.Cli.Tests.Support;
using ContentPipeline.Testing.EndToEnd;
using Xunit.Abstractions;

namespace ContentPipeline.Cli.Tests.EndToEnd;

/// <summary>
/// <c>cpipe publish --prune</c> takes down every article of the site that no file stands for, so it gets a host and
/// a site of its own: on the shared host it would take down the other tests' articles.
/// </summary>
[Collection(LocalHostCollectionDefinition.Name)]
public sealed class PruneEndToEndTests(PruneEndToEndTests.OwnHost host, ITestOutputHelper output)
    : LocalHostTests(host, output), IClassFixture<PruneEndToEndTests.OwnHost>
{
    [Fact]
    public async Task Pruning_asks_on_a_terminal_and_unpublishes_the_articles_whose_files_are_gone()
    {
        var (kept, removed) = await PublishTwoThenDeleteOneAsync();

        using var console = Cpipe.Terminal();
        console.Input.PushTextWithEnter("y");
        var exitCode = await Session.RunAsync(console, Folder.Path, "publish", ".", "--prune");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Unpublish them?", console.Output, StringComparison.Ordinal);
        Assert.Contains($"  {removed}", console.Output, StringComparison.Ordinal);
        // Only this test's own articles are asserted on: the other tests of this class share the host's site.
        Assert.Matches($@"unpublished +│ \(file gone\) +│ {removed} ", console.Output);
        Assert.DoesNotMatch($@"unpublished .*{kept}", console.Output);
        Assert.Null(await Session.StatusAsync(removed));
        Assert.Null(await Session.PageAsync(removed));
        Assert.Equal("published", await Session.StatusAsync(kept));
    }

    [Fact]
    public async Task Pruning_with_yes_needs_no_terminal_and_declining_on_a_terminal_unpublishes_nothing()
    {
        var (kept, removed) = await PublishTwoThenDeleteOneAsync();

        using var declined = Cpipe.Terminal();
        declined.Input.PushTextWithEnter("n");
        Assert.Equal(ExitCodes.Success, await Session.RunAsync(declined, Folder.Path, "publish", ".", "--prune"));
        Assert.Contains("Nothing will be unpublished.", declined.Output, StringComparison.Ordinal);
        Assert.Equal("published", await Session.StatusAsync(removed));

        var run = await RunAsync("publish", ".", "--prune", "--yes");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches($@"unpublished +\({removed}\)", run.Output);
        Assert.Null(await Session.StatusAsync(removed));
        Assert.Equal("published", await Session.StatusAsync(kept));
    }

    [Fact]
    public async Task Pruning_from_a_folder_without_articles_is_refused_even_with_yes()
    {
        Folder.Write("notes.txt.bak", "not an article");

        var run = await RunAsync("publish", ".", "--prune", "--yes");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("holds no article", run.Output, StringComparison.Ordinal);
    }

    /// <summary>A host of this class's own.</summary>
    public sealed class OwnHost() : EndToEndHostFixture(() => EndToEndApps.ContentPipeline);
}
