using ContentPipeline.Core.Rendering;

namespace ContentPipeline.Core.Site;

/// <summary>The site's robots.txt (RFC 9309): every crawler may fetch everything, and is told where the sitemap is.</summary>
public static class RobotsTxt
{
    /// <summary>The file's text for the site at <paramref name="siteBaseUrl"/>.</summary>
    public static string For(Uri siteBaseUrl)
    {
        var sitemap = new Uri(SiteUrls.NormalizeBase(siteBaseUrl), SitePaths.Sitemap);
        return $"User-agent: *\nAllow: /\n\nSitemap: {sitemap.AbsoluteUri}\n";
    }
}
