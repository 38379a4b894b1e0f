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
public sealed class PublishEndToEndTests(ContentPipelineHostFixture fixture, ITestOutputHelper output) : LocalHostTests(fixture, output)
{
    [Fact]
    public async Task The_sample_article_is_published_and_its_page_is_served()
    {
        var slug = LocalHostSession.UniqueSlug("sample");
        Folder.Write($"{slug}.txt", await Samples.ReadBytesAsync(Samples.FundSecurityAndIndependence));

        var run = await RunAsync("publish", ".");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"published   {slug}.txt  ", run.Output, StringComparison.Ordinal);
        Assert.Contains($"/articles/{slug}/", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 published.", run.Output, StringComparison.Ordinal);
        Assert.Equal("published", await Session.StatusAsync(slug));
        Assert.Contains("Fund security and independence", await Session.PageAsync(slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hundred_generated_articles_are_published_and_a_rerun_sends_nothing()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var slugs = Enumerable.Range(0, 200).Select(i => string.Create(CultureInfo.InvariantCulture, $"bulk-{run}-{i:D3}")).ToList();
        for (var i = 0; i < slugs.Count; i++)
        {
            Folder.Write(
                Path.Combine($"part-{i % 4}", $"{slugs[i]}.md"),
                string.Create(CultureInfo.InvariantCulture, $"---\ntitle: Generated {i}\ndate: 2024-02-01T00:{i / 60:D2}:{i % 60:D2}Z\ntags: [bulk-{run}]\n---\nParagraph {i} of a generated article.\n"));
        }

        var stopwatch = Stopwatch.StartNew();
        var first = await RunAsync("publish", ".");
        var firstTook = stopwatch.Elapsed;
        stopwatch.Restart();
        var rerun = await RunAsync("publish", ".");
        Output.WriteLine($"200 articles published in {firstTook.TotalSeconds:F1} s; the unchanged re-run took {stopwatch.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("200 published.", first.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, rerun.ExitCode);
        // "Unchanged" is only ever the outcome of a file that was not sent.
        Assert.Contains("200 unchanged.", rerun.Output, StringComparison.Ordinal);
        var sample = await Session.ArticleAsync(slugs[123]);
        Assert.Equal("published", sample?.GetProperty("status").GetString());
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Folder.Path, "part-3", $"{slugs[123]}.md"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sample?.GetProperty("sourceHash").GetString());
    }

    [Fact]
    public async Task Only_the_changed_file_is_sent_again()
    {
        var kept = LocalHostSession.UniqueSlug("kept");
        var edited = LocalHostSession.UniqueSlug("edited");
        Folder.Write($"{kept}.md", "# Kept\n\nThe same.\n");
        var editedPath = Folder.Write($"{edited}.md", "# Edited\n\nFirst version.\n");
        await PublishFolderAsync();

        await File.WriteAllTextAsync(editedPath, "# Edited\n\nSecond version.\n");
        var second = await RunAsync("publish", ".");

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("1 published, 1 unchanged.", second.Output, StringComparison.Ordinal);
        Assert.Contains($"published   {edited}.md", second.Output, StringComparison.Ordinal);
        Assert.Contains("Second version.", await Session.PageAsync(edited), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_the_api_refuses_fails_the_run_with_its_file_line_and_reason_and_the_rest_publish()
    {
        var good = LocalHostSession.UniqueSlug("good");
        var bad = LocalHostSession.UniqueSlug("bad");
        Folder.Write($"{good}.md", "# Good\n\nFine.\n");
        Folder.Write($"posts/{bad}.md", "---\ntitle: Bad\ntags: [unclosed\n---\nBody.\n");
        Folder.Write("Not A Slug.md", "# Misnamed\n");

        var run = await RunAsync("publish", ".");

        Assert.Equal(ExitCodes.ArticlesFailed, run.ExitCode);
        var failure = run.Lines.Last(l => l.Contains($"{bad}.md", StringComparison.Ordinal));
        Assert.Matches($@"posts/{bad}\.md:[0-9]+", failure);
        Assert.Contains("front matter", failure, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Line ", failure, StringComparison.Ordinal); // the line is in file:line, not repeated in the reason
        Assert.Contains("Rename it to 'not-a-slug.md'", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 published, 2 failed.", run.Output, StringComparison.Ordinal);
        Assert.Equal("published", await Session.StatusAsync(good));
        Assert.Null(await Session.StatusAsync(bad));
    }

    [Fact]
    public async Task Drafts_and_scheduled_articles_are_reported_as_what_they_are_not_as_failures()
    {
        var draft = LocalHostSession.UniqueSlug("draft");
        var scheduled = LocalHostSession.UniqueSlug("scheduled");
        Folder.Write($"{draft}.md", "---\ntitle: Not yet\ndraft: true\n---\nWork in progress.\n");
        Folder.Write($"{scheduled}.md", "---\ntitle: Later\ndate: 2999-01-01\n---\nFrom the future.\n");

        var run = await RunAsync("publish", ".");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"draft       {draft}.md", run.Output, StringComparison.Ordinal);
        Assert.Contains($"scheduled   {scheduled}.md", run.Output, StringComparison.Ordinal);
        Assert.Contains("2999-01-01", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 draft, 1 scheduled.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_straight_to_storage_publishes_through_the_blob_trigger_and_reports_parse_errors_from_the_catalog()
    {
        var good = LocalHostSession.UniqueSlug("direct");
        var bad = LocalHostSession.UniqueSlug("direct-bad");
        Folder.Write($"{good}.markdown", "# Direct\n\nStraight into the container.\n");
        Folder.Write($"{bad}.md", "---\ntitle: Bad\ntags: [unclosed\n---\nBody.\n");

        var run = await RunAsync("publish", ".", "--storage", Host.Host.StorageConnectionString);

        Assert.Equal(ExitCodes.ArticlesFailed, run.ExitCode);
        Assert.Contains("the articles container at", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", run.Output, StringComparison.Ordinal);
        Assert.Contains($"published   {good}.markdown", run.Output, StringComparison.Ordinal);
        Assert.Matches($@"failed +{bad}\.md:[0-9]+ ", run.Output);
        Assert.True(await Host.Blobs.GetBlobContainerClient("articles").GetBlobClient($"{good}.md").ExistsAsync());
        Assert.Equal("failed", await Session.StatusAsync(bad));
    }

    [Fact]
    public async Task Pruning_without_a_terminal_or_yes_refuses_and_unpublishes_nothing()
    {
        var (_, removed) = await PublishTwoThenDeleteOneAsync();

        var run = await RunAsync("publish", ".", "--prune");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("without confirmation", run.Output, StringComparison.Ordinal);
        Assert.Contains("--yes", run.Output, StringComparison.Ordinal);
        Assert.Equal("published", await Session.StatusAsync(removed));
    }

    [Fact]
    public async Task On_a_terminal_the_run_shows_a_live_bar_and_ends_with_the_summary()
    {
        var slugs = Enumerable.Range(0, 3).Select(_ => LocalHostSession.UniqueSlug("live")).ToList();
        foreach (var slug in slugs)
        {
            Folder.Write($"{slug}.md", $"# {slug}\n\nShown live.\n");
        }

        using var console = Cpipe.Terminal();
        console.EmitAnsiSequences = true;
        var exitCode = await Session.RunAsync(console, Folder.Path, "publish", ".");

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
    public async Task Cancelling_a_run_stops_its_uploads_and_waits_with_exit_code_130()
    {
        for (var i = 0; i < 40; i++)
        {
            Folder.Write($"{LocalHostSession.UniqueSlug("cancelled")}.md", "# Cancelled\n");
        }

        using var console = new SynchronizedConsole(Cpipe.Redirected());
        using var cancellation = new CancellationTokenSource();
        var running = Cpipe.RunAsync(console, Session.Environment(Folder.Path), cancellation.Token, "publish", ".");
        await Poll.UntilAsync("the run to start", TimeSpan.FromSeconds(30), _ => Task.FromResult(console.Output.Contains("Publishing 40 file(s)", StringComparison.Ordinal) ? "started" : null));

        await cancellation.CancelAsync(); // what Ctrl+C does
        var exitCode = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.DoesNotContain("40 published", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_that_does_not_answer_is_reported_with_its_own_exit_code()
    {
        Folder.Write("nowhere.md", "# Nowhere\n");
        using var console = Cpipe.Redirected();

        var exitCode = await Cpipe.RunAsync(console, Cpipe.Environment(Folder.Path, new Dictionary<string, string>()), "publish", ".", "--api", $"http://127.0.0.1:{ClosedPort()}/api/");

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
