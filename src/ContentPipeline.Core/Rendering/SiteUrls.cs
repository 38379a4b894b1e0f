using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Rendering;

/// <summary>Where things live on the site, relative to its root and as absolute URLs.</summary>
public static class SiteUrls
{
    /// <summary>The blob path of an article's page inside the site container.</summary>
    public static string ArticlePagePath(Slug slug) => $"articles/{slug.Value}/index.html";

    /// <summary>The public URL of an article's page (the folder, served through its index document).</summary>
    public static Uri ArticlePage(Uri siteBaseUrl, Slug slug) => new(NormalizeBase(siteBaseUrl), $"articles/{slug.Value}/");

    /// <summary>Makes sure a base URL ends with a slash, so relative paths resolve below it, not beside it.</summary>
    public static Uri NormalizeBase(Uri siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(siteBaseUrl);
        return siteBaseUrl.AbsoluteUri.EndsWith('/') ? siteBaseUrl : new Uri(siteBaseUrl.AbsoluteUri + "/");
    }
}
