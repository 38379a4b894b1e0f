using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentPipeline.Testing;
using LocalFunctionsHost.Tests.EndToEnd;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.Browser;

/// <summary>
/// The published site in headless Chromium, as a reader gets it from the site origin: an article page loads
/// cleanly and its beacon counts one view, the home page's links lead somewhere, and the screenshots in
/// docs/screenshots are taken from it.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class SiteBrowserEndToEndTests : IClassFixture<SiteBrowserEndToEndTests.PublishedSite>, IDisposable
{
    private readonly PublishedSite _site;
    private readonly ChromiumFixture _chromium;
    private readonly ITestOutputHelper _output;

    public SiteBrowserEndToEndTests(PublishedSite site, ChromiumFixture chromium, ITestOutputHelper output)
    {
        _site = site;
        _chromium = chromium;
        _output = output;
        site.Log.WriteTo(output);
    }

    private EndToEndHost Host => _site.Host.Host;

    private Uri Site => _site.Host.Site;

    public void Dispose() => _site.Log.WriteTo(null);

    [Fact]
    public async Task An_article_page_loads_cleanly_and_its_beacon_counts_and_shows_exactly_one_view()
    {
        // Only this test opens this article in a browser, so its count starts at zero.
        var slug = PublishedSite.CountedArticle;
        var pageUrl = new Uri(Site, $"articles/{slug}/").ToString();
        await using var context = await _chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageWatch.Attach(page);

        var response = await page.GotoAsync(pageUrl);
        await Assertions.Expect(page.Locator(".byline .views")).ToHaveTextAsync("1 view");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(200, response?.Status);
        Assert.Equal(pageUrl, page.Url);
        AssertNone(watch.ConsoleErrors, "console errors");
        AssertNone(watch.FailedRequests, "failed requests");
        AssertNone(watch.Dialogs, "dialogs");
        var beacon = watch.Requests.Where(r => r.Url.EndsWith($"/api/views/{slug}", StringComparison.Ordinal)).ToList();
        Assert.Equal([("POST", new Uri(Host.Host.ApiUri, $"api/views/{slug}").ToString())], beacon);
        Assert.DoesNotContain(watch.Requests, r => r.Url.Contains(".gif", StringComparison.Ordinal));
        Assert.All(watch.Requests.Where(r => r.Url != beacon[0].Url), r => Assert.StartsWith(Site.ToString(), r.Url, StringComparison.Ordinal));
        var stored = await Host.Api.GetFromJsonAsync<JsonElement>(new Uri($"api/views/{slug}", UriKind.Relative));
        Assert.Equal(1, stored.GetProperty("views").GetInt64());
    }

    [Fact]
    public async Task Every_link_on_the_home_page_leads_to_a_page_of_the_site()
    {
        await using var context = await _chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageWatch.Attach(page);

        var response = await page.GotoAsync(Site.ToString());
        var articleLinks = await Hrefs(page, ".article-list h2 a");
        var tagLinks = await Hrefs(page, ".article-list .tags a");
        var otherLinks = await Hrefs(page, ".site-name, link[rel=alternate], link[rel=canonical]");
        var answers = new List<string>();
        foreach (var link in articleLinks.Concat(tagLinks).Concat(otherLinks).Distinct())
        {
            // Fetched, not opened: opening an article would count a view that the beacon test does not expect.
            using var answer = await Host.Site.GetAsync(new Uri(link));
            answers.Add($"{link} {(int)answer.StatusCode} {answer.Content.Headers.ContentType?.MediaType}");
        }

        Assert.Equal(200, response?.Status);
        Assert.Equal(PublishedSite.Articles.Select(slug => new Uri(Site, $"articles/{slug}/").ToString()).Order(), articleLinks.Order());
        Assert.Equal(PublishedSite.Tags.Select(tag => new Uri(Site, $"tags/{tag}/").ToString()).Order(), tagLinks.Distinct().Order());
        Assert.Contains(new Uri(Site, "feed.xml").ToString(), otherLinks);
        Assert.All(answers, answer => Assert.Matches(@"^http://127\.0\.0\.1:\d+/\S* 200 (text/html|application/atom\+xml)$", answer));
        Assert.Contains(answers, answer => answer.EndsWith("/feed.xml 200 application/atom+xml", StringComparison.Ordinal));

        // A click, too: the browser follows a tag link to the tag's page, which lists the article that has it.
        await page.Locator(".article-list .tags a", new() { HasText = "markdown" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(Site, "tags/markdown/").ToString());
        await Assertions.Expect(page.Locator("main a[href$='/articles/writing-in-markdown/']")).ToHaveCountAsync(1);
        AssertNone(watch.ConsoleErrors, "console errors");
        AssertNone(watch.FailedRequests, "failed requests");
    }

    [Fact]
    public async Task Screenshots_of_the_sample_article_and_the_home_page_are_taken()
    {
        // Written over docs/screenshots only when asked (UPDATE_SCREENSHOTS=1), like the golden pages: a run of the
        // tests must not change tracked files.
        var update = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1";
        var folder = update
            ? Path.Combine(RepositoryRoot.Locate(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), $"contentpipeline-screenshots-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await using var context = await _chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageWatch.Attach(page);

        await page.GotoAsync(new Uri(Site, $"articles/{PublishedSite.SampleArticle}/").ToString());
        await Assertions.Expect(page.Locator(".byline .views")).ToBeVisibleAsync();
        var article = await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "article.png") });
        await page.GotoAsync(Site.ToString());
        var home = await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "home.png") });
        _output.WriteLine($"Screenshots in {folder}");

        Assert.All([article, home], png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]));
        Assert.All([article, home], png => Assert.True(png.Length > 10_000, $"A {png.Length}-byte screenshot is too small to show a page."));
        AssertNone(watch.ConsoleErrors, "console errors");
        if (!update)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertNone(IReadOnlyList<string> found, string what) =>
        Assert.True(found.Count == 0, $"{found.Count} {what}:\n{string.Join("\n", found)}");

    private static Task<string[]> Hrefs(IPage page, string selector) =>
        page.Locator(selector).EvaluateAllAsync<string[]>("elements => elements.map(e => e.href)");

    /// <summary>The host with a few articles published: the real sample, and two Markdown articles with tags.</summary>
    public sealed class PublishedSite : PublishedSiteFixture
    {
        public const string SampleArticle = "fund-security-and-independence";
        public const string CountedArticle = "counting-page-views";

        public static readonly string[] Articles = [SampleArticle, CountedArticle, "writing-in-markdown"];
        public static readonly string[] Tags = ["markdown", "guide", "views"];

        private protected override async Task PublishAsync(EndToEndHost host)
        {
            await host.PutArticleAsync(SampleArticle, await Samples.ReadTextAsync(Samples.FundSecurityAndIndependence), "text/plain");
            await host.PutArticleAsync(CountedArticle, """
                ---
                title: Counting page views
                date: 2024-05-06
                author: The editors
                tags: [views, guide]
                summary: How the small script on every page counts a view once, and what it leaves out.
                ---
                Each article page loads one small script from the site. It asks the counter to count **one view**
                and writes the total into the byline.

                - Prefetches and crawlers are not counted.
                - Without JavaScript, a 1×1 image counts instead.

                See [writing in Markdown](/articles/writing-in-markdown/) for how articles are written.
                """, "text/markdown");
            await host.PutArticleAsync("writing-in-markdown", """
                ---
                title: Writing articles in Markdown
                date: 2024-05-03
                author: The editors
                tags: [markdown, guide]
                ---
                Articles are Markdown files with a little front matter on top.

                | Key | Meaning |
                | --- | --- |
                | `title` | The headline |
                | `tags` | Where the article is listed |

                > Raw HTML is allowed, but only harmless elements survive.
                """, "text/markdown");
            foreach (var slug in Articles)
            {
                await host.WaitUntilPublishedAsync(slug);
            }

            // The listings are rebuilt a moment after the last change; wait until the home page has every article.
            await Poll.UntilAsync("the home page to list every article", TimeSpan.FromSeconds(30), async ct =>
            {
                using var home = await host.Site.GetAsync(new Uri("/", UriKind.Relative), ct);
                var html = home.StatusCode == HttpStatusCode.OK ? await home.Content.ReadAsStringAsync(ct) : "";
                return Articles.All(slug => html.Contains($"/articles/{slug}/", StringComparison.Ordinal)) ? html : null;
            });
        }
    }
}
