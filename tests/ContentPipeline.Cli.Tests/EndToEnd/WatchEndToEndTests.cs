using ContentPipeline.Cli.Tests.Support;
using ContentPipeline.Testing.EndToEnd;
using Xunit.Abstractions;

namespace ContentPipeline.Cli.Tests.EndToEnd;

/// <summary><c>cpipe watch</c> against the real local host: saving a file publishes it.</summary>
[Collection(LocalHostCollectionDefinition.Name)]
public sealed class WatchEndToEndTests(ContentPipelineHostFixture fixture, ITestOutputHelper output) : LocalHostTests(fixture, output)
{
    // Generous: the host publishes in well under a second when the machine is idle, but CI machines are shared.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Saving_a_file_publishes_it_and_prints_the_page_url_until_cancelled()
    {
        var slug = LocalHostSession.UniqueSlug("watched");
        using var console = new SynchronizedConsole(Cpipe.Redirected());
        using var cancellation = new CancellationTokenSource();
        var watching = Cpipe.RunAsync(console, Session.Environment(Folder.Path), cancellation.Token, "watch", ".", "--debounce", "100");
        using var printOutput = new Disposable(() => Output.WriteLine(console.Output));
        await Poll.UntilAsync("the watch to start", Patience, _ => Task.FromResult(console.Output.Contains("Watching", StringComparison.Ordinal) ? "started" : null));

        // In a folder that did not exist when the watch started: its files must be found too.
        var path = Folder.Write($"drafts/{slug}.md", "# Watched\n\nFirst save.\n");
        await Poll.UntilAsync("the first save to be published", Patience, _ => Task.FromResult(console.Output.Contains($"/articles/{slug}/", StringComparison.Ordinal) ? "published" : null));
        await File.WriteAllTextAsync(path, "# Watched\n\nSecond save.\n");
        await Poll.UntilAsync("the second save to be published", Patience, async _ =>
            (await Session.PageAsync(slug))?.Contains("Second save.", StringComparison.Ordinal) == true ? "republished" : null);
        await Poll.UntilAsync("the second result line", Patience, _ => Task.FromResult(
            console.Output.Split('\n').Count(l => l.StartsWith("published", StringComparison.Ordinal) && l.Contains(slug, StringComparison.Ordinal)) >= 2 ? "printed" : null));
        await cancellation.CancelAsync();
        var exitCode = await watching.WaitAsync(Patience);

        Assert.Equal(ExitCodes.Success, exitCode);
        var line = console.Output.Split('\n').First(l => l.Contains(slug, StringComparison.Ordinal));
        Assert.StartsWith("published", line, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("drafts", $"{slug}.md"), line, StringComparison.Ordinal);
        Assert.Contains("Stopped watching.", console.Output, StringComparison.Ordinal);
    }

    private sealed class Disposable(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
