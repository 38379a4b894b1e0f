using ContentPipeline.Cli.Tests.Support;
using ContentPipeline.Testing.EndToEnd;
using Xunit.Abstractions;

namespace ContentPipeline.Cli.Tests.EndToEnd;

/// <summary>
/// What every end-to-end test class has: the host's log in the running test's output, a folder of the test's own
/// to keep articles in, and <c>cpipe</c> run in that folder against the host.
/// </summary>
public abstract class LocalHostTests : IDisposable
{
    private readonly EndToEndHostFixture fixture;

    protected LocalHostTests(EndToEndHostFixture fixture, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        this.fixture = fixture;
        Output = output;
        fixture.Log.WriteTo(output);
        Session = new LocalHostSession(fixture.Host, output);
    }

    internal ITestOutputHelper Output { get; }

    internal LocalHostSession Session { get; }

    internal EndToEndHost Host => fixture.Host;

    internal TempFolder Folder { get; } = new();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <c>cpipe args</c> in the test's folder with redirected output (plain lines, nobody to ask).</summary>
    internal async Task<CliRun> RunAsync(params string[] args)
    {
        using var console = Cpipe.Redirected();
        var exitCode = await Session.RunAsync(console, Folder.Path, args);
        return new CliRun(exitCode, console.Output, console.Lines);
    }

    /// <summary>Publishes the test's folder as a step before what the test is about; it must succeed.</summary>
    internal async Task PublishFolderAsync(params string[] extraArgs)
    {
        var run = await RunAsync(["publish", ".", .. extraArgs]);
        Assert.True(run.ExitCode == ExitCodes.Success, $"Publishing the folder failed ({run.ExitCode}):\n{run.Output}");
    }

    /// <summary>
    /// Publishes two new articles from the folder, then deletes the file of the second: the start of every pruning test.
    /// </summary>
    internal async Task<(string Kept, string Removed)> PublishTwoThenDeleteOneAsync()
    {
        var kept = LocalHostSession.UniqueSlug("kept");
        var removed = LocalHostSession.UniqueSlug("removed");
        Folder.Write($"{kept}.md", "# Kept\n");
        var removedPath = Folder.Write($"{removed}.md", "# Removed\n");
        await PublishFolderAsync();
        File.Delete(removedPath);
        return (kept, removed);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            fixture.Log.WriteTo(null);
            Folder.Dispose();
        }
    }
}
