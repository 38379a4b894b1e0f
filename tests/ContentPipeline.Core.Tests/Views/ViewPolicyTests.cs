using ContentPipeline.Core.Views;

namespace ContentPipeline.Core.Tests.Views;

public sealed class ViewPolicyTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string Safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private const string HeadlessChrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36";

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("post")]
    public void A_page_load_from_a_browser_counts(string method) =>
        Assert.Equal(ViewVerdict.Counted, ViewPolicy.Judge(method, null, null, Firefox));

    [Theory]
    [InlineData(Safari)]
    [InlineData(HeadlessChrome)]
    [InlineData("")]
    [InlineData(null)]
    public void Browsers_and_clients_without_a_crawler_signature_count(string? agent) =>
        Assert.Equal(ViewVerdict.Counted, ViewPolicy.Judge("POST", null, null, agent));

    [Theory]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    [InlineData("PUT")]
    public void Methods_that_load_no_page_never_count(string method) =>
        Assert.Equal(ViewVerdict.NotAReadMethod, ViewPolicy.Judge(method, null, null, Firefox));

    [Theory]
    [InlineData("prefetch", null)]
    [InlineData("prefetch;prerender", null)]
    [InlineData(null, "prefetch")]
    [InlineData(null, "Prefetch")]
    public void Prefetch_and_prerender_do_not_count(string? secPurpose, string? purpose) =>
        Assert.Equal(ViewVerdict.Prefetch, ViewPolicy.Judge("GET", secPurpose, purpose, Firefox));

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)")]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Twitterbot/1.0")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")]
    [InlineData("SomeNewCrawler/2.0")]
    public void Well_known_crawlers_do_not_count(string agent) =>
        Assert.Equal(ViewVerdict.Crawler, ViewPolicy.Judge("GET", null, null, agent));
}
