using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LocalFunctionsHost.Storage;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// The content pipeline under the host while its storage or its worker fails in the middle of the work. Whatever
/// fails, every accepted article must end published (or failed with a reason), with its page and catalog entry
/// showing the same version, and no view a client was told about may be lost or counted twice.
/// </summary>
public sealed class ContentPipelineFaultsEndToEndTests(ITestOutputHelper output) : IDisposable
{
    // Articles stuck by a fault are picked up by the MaintainSite timer (every minute) once they are a minute old.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    private readonly string _azuriteFolder = Path.Combine(Path.GetTempPath(), $"cp-faults-azurite-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_azuriteFolder))
        {
            Directory.Delete(_azuriteFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Azurite_stopped_for_ten_seconds_in_a_burst_of_200_loses_no_article()
    {
        var log = new HostLog();
        log.WriteTo(output);
        var azurite = await StartAzuriteAsync();
        try
        {
            await using var host = await EndToEndHost.StartAsync(EndToEndApps.ContentPipeline, log, "--storage", azurite.ConnectionString);
            var burst = new ArticleBurst(host.Api, $"outage-{Guid.NewGuid():N}"[..15], 200);
            var stopwatch = Stopwatch.StartNew();
            var outageStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var upload = burst.UploadAsync(concurrency: 8, accepted => { if (accepted == 60) { outageStarted.TrySetResult(); } }, CancellationToken.None);

            await outageStarted.Task.WaitAsync(TimeSpan.FromMinutes(2));
            var (blob, queue, table) = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
            await azurite.DisposeAsync();
            output.WriteLine($"Azurite stopped at {stopwatch.ElapsedMilliseconds} ms");
            await Task.Delay(Outage);
            azurite = await StartAzuriteAsync(blob, queue, table);
            output.WriteLine($"Azurite back at {stopwatch.ElapsedMilliseconds} ms");

            await upload.WaitAsync(TimeSpan.FromMinutes(3));
            output.WriteLine($"All 200 accepted at {stopwatch.ElapsedMilliseconds} ms after {burst.Retried} retried uploads");
            var articles = await burst.WaitUntilSettledAsync(SettleTimeout);
            output.WriteLine($"All settled at {stopwatch.ElapsedMilliseconds} ms");

            await AssertPublishedWithMatchingPagesAsync(host, burst, articles);
            Assert.True(burst.Retried > 0, "The outage should have refused some uploads; if none was, the test did not test the outage.");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_worker_killed_while_rendering_and_counting_loses_no_article_and_miscounts_no_view()
    {
        var log = new HostLog();
        log.WriteTo(output);
        await using var host = await EndToEndHost.StartAsync(EndToEndApps.ContentPipeline, log);

        // Killed while a burst is being rendered: uploads in flight get 503 or a dropped connection and are sent again.
        var burst = new ArticleBurst(host.Api, $"kill-{Guid.NewGuid():N}"[..13], 60);
        var killedDuringUploads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upload = burst.UploadAsync(concurrency: 8, accepted => { if (accepted == 20) { killedDuringUploads.TrySetResult(); } }, CancellationToken.None);
        await killedDuringUploads.Task.WaitAsync(TimeSpan.FromMinutes(1));
        KillWorker(host);
        await upload.WaitAsync(TimeSpan.FromMinutes(2));
        var stopwatch = Stopwatch.StartNew();
        var articles = await burst.WaitUntilSettledAsync(SettleTimeout);
        output.WriteLine($"Every article settled {stopwatch.ElapsedMilliseconds} ms after the last upload was accepted");
        await AssertPublishedWithMatchingPagesAsync(host, burst, articles);
        output.WriteLine($"Uploads sent again: {burst.Retried}; blob trigger retries: {log.Lines("PublishArticle failed for").Count}");

        // Killed while 16 clients count views of one article: every 200 is in the count, and nothing is counted twice.
        var slug = burst.Slugs[0];
        var tally = new ViewTally();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        var counting = Task.WhenAll(Enumerable.Range(0, 16).Select(_ => CountViewsAsync(host.Api, slug, tally, stop.Token)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        KillWorker(host);
        await counting;

        var answer = await Poll.UntilAsync("the restarted worker to answer the count", TimeSpan.FromSeconds(30), async ct =>
        {
            using var response = await host.Api.GetAsync(new Uri($"api/views/{slug}", UriKind.Relative), ct);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(ct) : null;
        });
        var views = JsonSerializer.Deserialize<JsonElement>(answer).GetProperty("views").GetInt64();
        output.WriteLine($"Views: {tally.Confirmed} answered 200, {tally.Unconfirmed} not; stored count {views}");
        Assert.True(tally.Confirmed > 0 && tally.Unconfirmed > 0, "The kill should have interrupted counting; if it did not, the test did not test it.");
        Assert.InRange(views, tally.Confirmed, tally.Confirmed + tally.Unconfirmed);
    }

    [Fact]
    public async Task Ten_clients_putting_one_slug_at_once_leave_one_version_in_source_page_and_catalog()
    {
        var log = new HostLog();
        log.WriteTo(output);
        await using var host = await EndToEndHost.StartAsync(EndToEndApps.ContentPipeline, log);
        var slug = $"e2e-contested-{Guid.NewGuid():N}";

        using var start = new ManualResetEventSlim();
        var puts = Enumerable.Range(1, 10).Select(client => Task.Run(async () =>
        {
            start.Wait();
            using var body = new StringContent($"# Version {client}\n\nWritten by client {client}.\n", Encoding.UTF8, "text/markdown");
            using var response = await host.Api.PutAsync(new Uri($"api/articles/{slug}", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        })).ToList();
        start.Set();
        await Task.WhenAll(puts);

        // The source is what the last write left; the catalog and the page must come to show that version and stay there.
        var source = await (await host.BlobAsync("articles", $"{slug}.md")).DownloadContentAsync();
        var winner = source.Value.Content.ToString().Split('\n')[0]["# ".Length..];
        await Poll.UntilAsync($"{slug} to be published as {winner}", TimeSpan.FromSeconds(30), ct => ShowsAsync(host, slug, winner, ct));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.NotNull(await ShowsAsync(host, slug, winner, CancellationToken.None));
        output.WriteLine($"{winner} won");
    }

    // The article's page when its catalog entry and its page both show the version titled `title`, else null.
    private static async Task<string?> ShowsAsync(EndToEndHost host, string slug, string title, CancellationToken cancellationToken)
    {
        using var response = await host.Api.GetAsync(new Uri($"api/articles/{slug}", UriKind.Relative), cancellationToken);
        var entry = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (entry.GetProperty("status").GetString() != "published" || entry.GetProperty("title").GetString() != title)
        {
            return null;
        }

        var page = await host.Site.GetStringAsync(new Uri($"articles/{slug}/", UriKind.Relative), cancellationToken);
        var client = title["Version ".Length..];
        return page.Contains($"<h1>{title}</h1>", StringComparison.Ordinal) && page.Contains($"Written by client {client}.", StringComparison.Ordinal)
            ? page
            : null;
    }

    private static async Task AssertPublishedWithMatchingPagesAsync(EndToEndHost host, ArticleBurst burst, IReadOnlyDictionary<string, JsonElement> articles)
    {
        foreach (var slug in burst.Slugs)
        {
            var article = articles[slug];
            Assert.True(article.GetProperty("status").GetString() == "published", $"{slug} ended {article}");
            Assert.Equal(ArticleBurst.TitleOf(slug), article.GetProperty("title").GetString());
            var page = await host.Site.GetStringAsync(new Uri($"articles/{slug}/", UriKind.Relative));
            Assert.Contains($"<h1>{ArticleBurst.TitleOf(slug)}</h1>", page, StringComparison.Ordinal);
            Assert.Contains($"The body of {slug}.", page, StringComparison.Ordinal);
        }
    }

    private static async Task CountViewsAsync(HttpClient api, string slug, ViewTally tally, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await api.PostAsync(new Uri($"api/views/{slug}", UriKind.Relative), content: null, CancellationToken.None);
                tally.Record(response.StatusCode);
            }
            catch (HttpRequestException)
            {
                // No answer: the view may or may not have been stored before the worker died.
                tally.Record(statusCode: null);
            }
        }
    }

    private static void KillWorker(EndToEndHost host)
    {
        var pid = host.Host.Worker.ProcessId ?? throw new InvalidOperationException("No worker is running.");
        using var worker = Process.GetProcessById(pid);
        worker.Kill(entireProcessTree: true);
    }

    private Task<AzuriteProcess> StartAzuriteAsync(int blobPort = 0, int queuePort = 0, int tablePort = 0) =>
        AzuriteProcess.StartAsync(new AzuriteOptions
        {
            SearchDirectory = EndToEndApps.RepositoryRoot,
            Location = _azuriteFolder,
            BlobPort = blobPort,
            QueuePort = queuePort,
            TablePort = tablePort,
        });

    /// <summary>What the view requests were answered.</summary>
    private sealed class ViewTally
    {
        private int _confirmed;
        private int _unconfirmed;

        /// <summary>Answered 200: the view is stored.</summary>
        public int Confirmed => Volatile.Read(ref _confirmed);

        /// <summary>
        /// Anything else (503, a dropped connection): the worker may have stored the view and died before answering,
        /// since the host also answers 503 when the worker goes away mid-request.
        /// </summary>
        public int Unconfirmed => Volatile.Read(ref _unconfirmed);

        public void Record(HttpStatusCode? statusCode)
        {
            if (statusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _confirmed);
            }
            else
            {
                Interlocked.Increment(ref _unconfirmed);
            }
        }
    }
}
