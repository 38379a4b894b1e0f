using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ContentPipeline.Testing;
using LocalFunctionsHost.Tests.EndToEnd;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.Browser;

/// <summary>
/// Every entry of the XSS corpus (tests/samples/xss), published through the API and opened in headless Chromium
/// from the site origin: no dialog opens, the live DOM holds nothing that can run script, no Content-Security-Policy
/// violation is reported (one would mean that markup got past the sanitizer and only the policy stopped it), and
/// the page's own counter still works.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class XssCorpusBrowserEndToEndTests : IClassFixture<XssCorpusBrowserEndToEndTests.PublishedCorpus>, IDisposable
{
    /// <summary>Pages open at once: enough to overlap the waits for the host, few enough for two cores.</summary>
    private const int Lanes = 4;

    private static readonly string InertDomCheck = ReadInertDomCheck();

    // Time spent in each step over all pages, for the output: loading, waiting for the counter, checking the DOM.
    private long _loadTicks, _counterTicks, _checkTicks;

    private readonly PublishedCorpus _corpus;
    private readonly ChromiumFixture _chromium;
    private readonly ITestOutputHelper _output;

    public XssCorpusBrowserEndToEndTests(PublishedCorpus corpus, ChromiumFixture chromium, ITestOutputHelper output)
    {
        _corpus = corpus;
        _chromium = chromium;
        _output = output;
        corpus.Log.WriteTo(output);
    }

    public void Dispose() => _corpus.Log.WriteTo(null);

    [Fact]
    public async Task Every_corpus_page_opens_no_dialog_keeps_an_inert_dom_and_a_working_counter()
    {
        var vectors = XssCorpus.All;
        var failures = new ConcurrentQueue<string>();
        var stopwatch = Stopwatch.StartNew();
        await using var context = await _chromium.NewContextAsync();

        await Task.WhenAll(Enumerable.Range(0, Lanes).Select(async lane =>
        {
            var page = await context.NewPageAsync();
            var watch = PageWatch.Attach(page);
            for (var i = lane; i < vectors.Count; i += Lanes)
            {
                watch.Clear();
                var problems = await ProblemsOfAsync(page, watch, vectors[i]);
                if (problems.Count > 0)
                {
                    failures.Enqueue($"{vectors[i]}: {string.Join("; ", problems)}");
                }
            }
        }));

        _output.WriteLine(
            $"{vectors.Count} corpus pages published in {_corpus.PublishTime.TotalSeconds:F1} s, checked in {stopwatch.Elapsed.TotalSeconds:F1} s, "
            + $"{Lanes} at a time (summed over pages: load {Seconds(_loadTicks)} s, counter {Seconds(_counterTicks)} s, DOM check {Seconds(_checkTicks)} s).");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {vectors.Count} pages are not inert:\n{string.Join("\n", failures)}");
    }

    private async Task<List<string>> ProblemsOfAsync(IPage page, PageWatch watch, XssVector vector)
    {
        var site = _corpus.Host.Site;
        var url = new Uri(site, $"articles/{vector.Name}/").ToString();
        var problems = new List<string>();
        var step = Stopwatch.StartNew();
        var response = await page.GotoAsync(url);
        Interlocked.Add(ref _loadTicks, step.Elapsed.Ticks);
        if (response?.Status != 200)
        {
            return [$"the page answered {response?.Status}"];
        }

        step.Restart();

        // The counter writes "1 view" once its POST has come back: the page's own script ran, undisturbed by
        // clobbered globals, and any other script that had got in would have had its chance to run by then.
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.querySelector('.byline .views')?.textContent === '1 view'", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var views = await page.Locator(".byline .views").TextContentAsync();
            problems.Add($"the counter shows '{views}', not '1 view'");
        }

        Interlocked.Add(ref _counterTicks, step.Elapsed.Ticks);
        step.Restart();
        if (page.Url != url)
        {
            problems.Add($"the page navigated to {page.Url}");
        }

        problems.AddRange(await page.EvaluateAsync<string[]>(InertDomCheck, new Uri(site, "assets/views.").ToString()));
        Interlocked.Add(ref _checkTicks, step.Elapsed.Ticks);
        problems.AddRange(watch.Dialogs.Select(dialog => $"dialog {dialog}"));
        problems.AddRange(watch.ConsoleErrors.Where(error => error.Contains("Content Security Policy", StringComparison.Ordinal)));
        return problems;
    }

    private static string Seconds(long ticks) => TimeSpan.FromTicks(ticks).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string ReadInertDomCheck()
    {
        using var stream = typeof(XssCorpusBrowserEndToEndTests).Assembly.GetManifestResourceStream("inert-dom.js")
            ?? throw new InvalidOperationException("The test assembly lacks its embedded inert-dom.js.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The host with every corpus entry published under its name.</summary>
    public sealed class PublishedCorpus : PublishedSiteFixture
    {
        internal TimeSpan PublishTime { get; private set; }

        private protected override async Task PublishAsync(EndToEndHost host)
        {
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(XssCorpus.All, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (vector, ct) =>
                await host.PutArticleAsync(vector.Name, vector.Source, vector.Extension == ".md" ? "text/markdown" : "text/html", ct));
            await host.WaitUntilAllPublishedAsync([.. XssCorpus.All.Select(vector => vector.Name)], TimeSpan.FromMinutes(3));
            PublishTime = stopwatch.Elapsed;
        }
    }
}
