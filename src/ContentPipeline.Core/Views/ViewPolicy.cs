namespace ContentPipeline.Core.Views;

/// <summary>
/// What counts as a view: a GET or POST from a reader's page load. Not HEAD or OPTIONS, not a browser
/// prefetching or prerendering a page the reader may never open, and not a well-known crawler.
/// </summary>
public static class ViewPolicy
{
    // Lowercase fragments of crawler and link-preview user agents. "bot" alone would catch them all but also
    // harmless words in browser tokens ("cubot" phones), so it is matched as a word ending.
    private static readonly string[] CrawlerFragments =
    [
        "googlebot", "bingbot", "slurp", "duckduckbot", "baiduspider", "yandex", "sogou", "exabot", "facebot",
        "facebookexternalhit", "ia_archiver", "applebot", "twitterbot", "linkedinbot", "slackbot", "discordbot",
        "telegrambot", "whatsapp", "petalbot", "ahrefsbot", "semrushbot", "mj12bot", "dotbot", "bytespider",
        "gptbot", "claudebot", "ccbot", "perplexitybot", "amazonbot", "crawler", "spider",
        "lighthouse", "pingdom", "uptimerobot",
    ];

    /// <summary>Why a request is not counted; <see cref="ViewVerdict.Counted"/> when it is.</summary>
    public static ViewVerdict Judge(string method, string? secPurpose, string? purpose, string? userAgent)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!method.Equals("GET", StringComparison.OrdinalIgnoreCase) && !method.Equals("POST", StringComparison.OrdinalIgnoreCase))
        {
            return ViewVerdict.NotAReadMethod;
        }

        // Sec-Purpose: prefetch / prefetch;prerender (Chromium), Purpose: prefetch (older Chromium, Safari); callers
        // pass Firefox's X-Moz: prefetch as the purpose.
        if (IsPrefetch(secPurpose) || IsPrefetch(purpose))
        {
            return ViewVerdict.Prefetch;
        }

        return IsCrawler(userAgent) ? ViewVerdict.Crawler : ViewVerdict.Counted;
    }

    /// <summary>True when <paramref name="userAgent"/> names a well-known crawler, link previewer or script client.</summary>
    public static bool IsCrawler(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return false;
        }

        var agent = userAgent.ToLowerInvariant();
        return CrawlerFragments.Any(fragment => agent.Contains(fragment, StringComparison.Ordinal))
            || agent.Contains("bot/", StringComparison.Ordinal) || agent.Contains("bot;", StringComparison.Ordinal) || agent.EndsWith("bot", StringComparison.Ordinal)
            || agent.Contains("+http", StringComparison.Ordinal);
    }

    private static bool IsPrefetch(string? header) =>
        header is { Length: > 0 } && (header.Contains("prefetch", StringComparison.OrdinalIgnoreCase) || header.Contains("prerender", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Whether a request counts as a view, and if not, why.</summary>
public enum ViewVerdict
{
    /// <summary>A reader's page load: counted.</summary>
    Counted,

    /// <summary>HEAD, OPTIONS or another method that does not load a page.</summary>
    NotAReadMethod,

    /// <summary>A prefetch or prerender the reader may never see.</summary>
    Prefetch,

    /// <summary>A crawler, link previewer or script client.</summary>
    Crawler,
}
