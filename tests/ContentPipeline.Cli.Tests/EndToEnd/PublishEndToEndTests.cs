using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using ContentPipeline.Cli.Tests.Support;
using ContentPipeline.Testing;
using ContentPipeline.Testing.EndToEnd;
using Xunit.Abstractions;

namespace ContentPipeline.Cli.Tests.EndToEnd;

/// <summary><c>cpipe publish</c> against the real local host, over the API and straight into storage.</summary>
[Collection(LocalHostCollectionDefinition.Name)]
public sealed class PublishEndToEndTests : IDisposable
{
    private readonly ContentPipelineHostFixture fixture;
    private readonly ITestOutputHelper output;
    private readonly LocalHostSession session;
    private readonly TempFolder folder = new();

    public PublishEndToEndTests(ContentPipelineHostFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        this.output = output;
        fixture.Log.WriteTo(output);
        session = new LocalHostSession(fixture.Host, output);
    }

    public void Dispose()
    {
        fixture.Log.WriteTo(null);
        folder.Dispose();
    }

    [Fact]
    public async Task The_sample_article_is_published_and_its_page_is_served()
    {
        var slug = LocalHostSession.UniqueSlug("sample");
        folder.Write($"{slug}.txt", await Samples.ReadBytesAsync(Samples.FundSecurityAndIndependence));
        using var console = Cpipe.Redirected();

        var exitCode = await session.RunAsync(console, folder.Path, "publish", ".");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"published   {slug}.txt  ", console.Output, StringComparison.Ordinal);
        Assert.Contains($"/articles/{slug}/", console.Output, StringComparison.Ordinal);
        Assert.Contains("1 published.", console.Output, StringComparison.Ordinal);
        Assert.Equal("published", await session.StatusAsync(slug));
        Assert.Contains("Fund security and independence", await session.PageAsync(slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hundred_generated_articles_are_published_and_a_rerun_sends_nothing()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var slugs = Enumerable.Range(0, 200).Select(i => string.Create(CultureInfo.InvariantCulture, $"bulk-{run}-{i:D3}")).ToList();
        for (var i = 0; i < slugs.Count; i++)
        {
            folder.Write(
                Path.Combine($"part-{i % 4}", $"{slugs[i]}.md"),
                string.Create(CultureInfo.InvariantCulture, $"---\ntitle: Generated {i}\ndate: 2024-02-01T00:{i / 60:D2}:{i % 60:D2}Z\ntags: [bulk-{run}]\n---\nParagraph {i} of a generated article.\n"));
        }

        using var first = Cpipe.Redirected();
        var stopwatch = Stopwatch.StartNew();
        var firstExit = await session.RunAsync(first, folder.Path, "publish", ".");
        var firstRun = stopwatch.Elapsed;
        using var rerun = Cpipe.Redirected();
        stopwatch.Restart();
        var rerunExit = await session.RunAsync(rerun, folder.Path, "publish", ".");
        var secondRun = stopwatch.Elapsed;
        output.WriteLine($"200 articles published in {firstRun.TotalSeconds:F1} s; the unchanged re-run took {secondRun.TotalSeconds:F1} s");

        Assert.Equal(ExitCodes.Success, firstExit);
        Assert.Contains("200 published.", first.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, rerunExit);
        // "Unchanged" is only ever the outcome of a file that was not sent.
        Assert.Contains("200 unchanged.", rerun.Output, StringComparison.Ordinal);
        var sample = await session.ArticleAsync(slugs[123]);
        Assert.Equal("published", sample?.GetProperty("status").GetString());
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder.Path, "part-3", $"{slugs[123]}.md"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sample?.GetProperty("sourceHash").GetString());
    }

    [Fact]
    public async Task Only_the_changed_file_is_sent_again()
    {
        var kept = LocalHostSession.UniqueSlug("kept");
        var edited = LocalHostSession.UniqueSlug("edited");
        folder.Write($"{kept}.md", "# Kept\n\nThe same.\n");
        var editedPath = folder.Write($"{edited}.md", "# Edited\n\nFirst version.\n");
        using var first = Cpipe.Redirected();
        Assert.Equal(ExitCodes.Success, await session.RunAsync(first, folder.Path, "publish", "."));

        await File.WriteAllTextAsync(editedPath, "# Edited\n\nSecond version.\n");
        using var second = Cpipe.Redirected();
        var exitCode = await session.RunAsync(second, folder.Path, "publish", ".");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("1 published, 1 unchanged.", second.Output, StringComparison.Ordinal);
        Assert.Contains($"published   {edited}.md", second.Output, StringComparison.Ordinal);
        Assert.Contains("Second version.", await session.PageAsync(edited), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_the_api_refuses_fails_the_run_with_its_file_line_and_reason_and_the_rest_publish()
    {
        var good = LocalHostSession.UniqueSlug("good");
        var bad = LocalHostSession.UniqueSlug("bad");
        folder.Write($"{good}.md", "# Good\n\nFine.\n");
        folder.Write($"posts/{bad}.md", "---\ntitle: Bad\ntags: [unclosed\n---\nBody.\n");
        folder.Write("Not A Slug.md", "# Misnamed\n");
        using var console = Cpipe.Redirected();

        var exitCode = await session.RunAsync(console, folder.Path, "publish", ".");

        Assert.Equal(ExitCodes.ArticlesFailed, exitCode);
        var failure = console.Lines.Last(l => l.Contains($"{bad}.md", StringComparison.Ordinal));
        Assert.Matches($@"posts/{bad}\.md:[0-9]+", failure);
        Assert.Contains("front matter", failure, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Rename it to 'not-a-slug.md'", console.Output, StringComparison.Ordinal);
        Assert.Contains("1 published, 2 failed.", console.Output, StringComparison.Ordinal);
        Assert.Equal("published", await session.StatusAsync(good));
        Assert.Null(await session.StatusAsync(bad));
    }

    [Fact]
    public async Task Drafts_and_scheduled_articles_are_reported_as_what_they_are_not_as_failures()
    {
        var draft = LocalHostSession.UniqueSlug("draft");
        var scheduled = LocalHostSession.UniqueSlug("scheduled");
        folder.Write($"{draft}.md", "---\ntitle: Not yet\ndraft: true\n---\nWork in progress.\n");
        folder.Write($"{scheduled}.md", "---\ntitle: Later\ndate: 2999-01-01\n---\nFrom the future.\n");
        using var console = Cpipe.Redirected();

        var exitCode = await session.RunAsync(console, folder.Path, "publish", ".");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"draft       {draft}.md", console.Output, StringComparison.Ordinal);
        Assert.Contains($"scheduled   {scheduled}.md", console.Output, StringComparison.Ordinal);
        Assert.Contains("2999-01-01", console.Output, StringComparison.Ordinal);
        Assert.Contains("1 draft, 1 scheduled.", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_straight_to_storage_publishes_through_the_blob_trigger_and_reports_parse_errors_from_the_catalog()
    {
        var good = LocalHostSession.UniqueSlug("direct");
        var bad = LocalHostSession.UniqueSlug("direct-bad");
        folder.Write($"{good}.markdown", "# Direct\n\nStraight into the container.\n");
        folder.Write($"{bad}.md", "---\ntitle: Bad\ntags: [unclosed\n---\nBody.\n");
        using var console = Cpipe.Redirected();

        var exitCode = await session.RunAsync(console, folder.Path, "publish", ".", "--storage", fixture.Host.Host.StorageConnectionString);

        Assert.Equal(ExitCodes.ArticlesFailed, exitCode);
        Assert.Contains("the articles container at", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", console.Output, StringComparison.Ordinal);
        Assert.Contains($"published   {good}.markdown", console.Output, StringComparison.Ordinal);
        Assert.Matches($@"failed +{bad}\.md:[0-9]+ ", console.Output);
        Assert.True(await fixture.Host.Blobs.GetBlobContainerClient("articles").GetBlobClient($"{good}.md").ExistsAsync());
        Assert.Equal("failed", await session.StatusAsync(bad));
    }

    [Fact]
    public async Task Pruning_without_a_terminal_or_yes_refuses_and_unpublishes_nothing()
    {
        var kept = LocalHostSession.UniqueSlug("prune-kept");
        var removed = LocalHostSession.UniqueSlug("prune-removed");
        folder.Write($"{kept}.md", "# Kept\n");
        var removedPath = folder.Write($"{removed}.md", "# Removed\n");
        using (var setup = Cpipe.Redirected())
        {
            Assert.Equal(ExitCodes.Success, await session.RunAsync(setup, folder.Path, "publish", "."));
        }

        File.Delete(removedPath);
        using var console = Cpipe.Redirected();
        var exitCode = await session.RunAsync(console, folder.Path, "publish", ".", "--prune");

        Assert.Equal(ExitCodes.Refused, exitCode);
        Assert.Contains("without confirmation", console.Output, StringComparison.Ordinal);
        Assert.Contains("--yes", console.Output, StringComparison.Ordinal);
        Assert.Equal("published", await session.StatusAsync(removed));
    }

    [Fact]
    public async Task On_a_terminal_the_run_shows_a_live_bar_and_ends_with_the_summary()
    {
        var slugs = Enumerable.Range(0, 3).Select(_ => LocalHostSession.UniqueSlug("live")).ToList();
        foreach (var slug in slugs)
        {
            folder.Write($"{slug}.md", $"# {slug}\n\nShown live.\n");
        }

        using var console = Cpipe.Terminal();
        console.EmitAnsiSequences = true;
        var exitCode = await session.RunAsync(console, folder.Path, "publish", ".");

        var text = AnsiText.Strip(console.Output);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("\u001b[2A", console.Output, StringComparison.Ordinal); // the bar is redrawn in place
        Assert.Contains("Publishing 3/3", text, StringComparison.Ordinal);
        Assert.Contains("━", text, StringComparison.Ordinal);
        Assert.Contains("100%", text, StringComparison.Ordinal);
        Assert.All(slugs, slug => Assert.Contains($"/articles/{slug}/", text, StringComparison.Ordinal));
        Assert.Contains("3 published.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_that_does_not_answer_is_reported_with_its_own_exit_code()
    {
        folder.Write("nowhere.md", "# Nowhere\n");
        using var console = Cpipe.Redirected();

        var exitCode = await Cpipe.RunAsync(console, Cpipe.Environment(folder.Path, new Dictionary<string, string>()), "publish", ".", "--api", $"http://127.0.0.1:{ClosedPort()}/api/");

        Assert.Equal(ExitCodes.TargetUnavailable, exitCode);
        Assert.Contains("Cannot reach the API", console.Output, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
