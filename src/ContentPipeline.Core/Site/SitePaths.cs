using System.Globalization;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Site;

/// <summary>
/// Where the site's listing files live in the site container. Paged listings put page 1 at the folder's
/// <c>index.html</c> and page <em>n</em> at <c>page/n/index.html</c> below it, so every page has a clean folder URL.
/// </summary>
public static class SitePaths
{
    /// <summary>The home page (page 1 of the newest articles).</summary>
    public const string Home = "index.html";

    /// <summary>The folder of the tags index and of every tag's page.</summary>
    public const string TagsFolder = "tags/";

    /// <summary>The page listing every tag.</summary>
    public const string TagsIndex = TagsFolder + "index.html";

    /// <summary>The Atom feed.</summary>
    public const string Feed = "feed.xml";

    /// <summary>The sitemap, or the sitemap index when the site outgrows one sitemap.</summary>
    public const string Sitemap = "sitemap.xml";

    /// <summary>robots.txt.</summary>
    public const string Robots = "robots.txt";

    /// <summary>The page the static website serves for unknown paths.</summary>
    public const string NotFound = "404.html";

    /// <summary>
    /// Path prefixes of the listing files that come and go with the articles (later home pages, tag pages, the parts
    /// of a split sitemap). A caller deletes the files under them that the current listing no longer has.
    /// </summary>
    public static IReadOnlyList<string> ListingPrefixes { get; } = ["page/", TagsFolder, "sitemap-"];

    /// <summary>The folder of a tag's listing, relative to the site root.</summary>
    public static string TagFolder(Slug tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return $"{TagsFolder}{tag.Value}/";
    }

    /// <summary>The file of page <paramref name="number"/> (from 1) of the listing in <paramref name="folder"/> ("" for the home page).</summary>
    public static string ListingPage(string folder, int number) => ListingFolder(folder, number) + "index.html";

    /// <summary>The public URL of page <paramref name="number"/> of the listing in <paramref name="folder"/>: the folder, served through its index document.</summary>
    public static Uri ListingPageUrl(Uri siteBaseUrl, string folder, int number) =>
        new(Rendering.SiteUrls.NormalizeBase(siteBaseUrl), ListingFolder(folder, number));

    /// <summary>
    /// The file of part <paramref name="number"/> (from 1) of a sitemap split into several. Parts sit beside the
    /// index at the root: a sitemap may only list URLs at or below its own folder.
    /// </summary>
    public static string SitemapPart(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return string.Create(CultureInfo.InvariantCulture, $"sitemap-{number}.xml");
    }

    private static string ListingFolder(string folder, int number)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return number == 1 ? folder : $"{folder}page/{number}/";
    }
}
