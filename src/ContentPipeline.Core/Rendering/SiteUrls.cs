using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Rendering;

/// <summary>Where things live on the site, relative to its root and as absolute URLs.</summary>
public static class SiteUrls
{
    /// <summary>The blob path of an article's page inside the site container.</summary>
    public static string ArticlePagePath(Slug slug) => $"articles/{slug.Value}/index.html";

    /// <summary>The public URL of an article's page (the folder, served through its index document).</summary>
    public static Uri ArticlePage(Uri siteBaseUrl, Slug slug) => new(NormalizeBase(siteBaseUrl), $"articles/{slug.Value}/");

    /// <summary>The slug a tag's page lives under: tags that differ only in case or punctuation share a page.</summary>
    public static Slug TagSlug(string tag) => SlugGenerator.FromTitle(tag);

    /// <summary>The public URL of a tag's page.</summary>
    public static Uri TagPage(Uri siteBaseUrl, Slug tag) => new(NormalizeBase(siteBaseUrl), $"tags/{tag.Value}/");

    /// <summary>The API URL that counts (POST) or reads (GET) an article's views.</summary>
    public static Uri Views(Uri apiBaseUrl, Slug slug) => new(NormalizeBase(apiBaseUrl), $"views/{slug.Value}");

    /// <summary>The API URL of the counting 1×1 GIF for readers without JavaScript.</summary>
    public static Uri ViewsPixel(Uri apiBaseUrl, Slug slug) => new(NormalizeBase(apiBaseUrl), $"views/{slug.Value}.gif");

    /// <summary>Makes sure a base URL ends with a slash, so relative paths resolve below it, not beside it.</summary>
    public static Uri NormalizeBase(Uri siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(siteBaseUrl);
        return siteBaseUrl.AbsoluteUri.EndsWith('/') ? siteBaseUrl : new Uri(siteBaseUrl.AbsoluteUri + "/");
    }
}
