using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ContentPipeline.Core.Site;

namespace ContentPipeline.Core.Rendering;

/// <summary>
/// What every page's template knows about the site (<c>site.*</c>), and the head of each page (<c>page.*</c>),
/// built from configuration once.
/// </summary>
public sealed class SiteModel
{
    private readonly Dictionary<string, object?> site;

    /// <summary>Builds the model from the site settings and the built-in assets.</summary>
    public SiteModel(ContentPipelineOptions options, SiteAssets assets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(assets);
        Name = options.SiteName;
        BaseUrl = SiteUrls.NormalizeBase(options.SiteBaseUrl);
        ApiBaseUrl = SiteUrls.NormalizeBase(options.ApiBaseUrl);
        Assets = assets;
        site = new Dictionary<string, object?>
        {
            ["name"] = options.SiteName,
            ["base_url"] = BaseUrl.ToString(),
            ["home_url"] = BaseUrl.ToString(),
            ["navigation"] = options.Navigation.Select(link => new Dictionary<string, object?> { ["title"] = link.Title, ["url"] = link.Url }).ToList(),
            ["stylesheet_url"] = Asset(assets.Stylesheet).ToString(),
            ["icon_url"] = Asset(assets.Icon).ToString(),
            ["feed_url"] = new Uri(BaseUrl, "feed.xml").ToString(),
            ["content_security_policy"] = ContentSecurityPolicy(ApiBaseUrl),
        };
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new object[] { site, ApiBaseUrl.ToString(), assets.ViewsScript.Path })));
    }

    /// <summary>A hash of everything here that pages show: it changes whenever a page-visible setting does.</summary>
    public string Fingerprint { get; }

    /// <summary>The site's name.</summary>
    public string Name { get; }

    /// <summary>The site's base URL, ending in a slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The API's base URL (with its route prefix), ending in a slash.</summary>
    public Uri ApiBaseUrl { get; }

    /// <summary>The shared assets pages link.</summary>
    public SiteAssets Assets { get; }

    /// <summary>The public URL of <paramref name="asset"/>.</summary>
    public Uri Asset(SiteAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new Uri(BaseUrl, asset.Path);
    }

    /// <summary>A template model holding <c>site</c>, <c>page</c> and whatever else the page's template needs.</summary>
    public Dictionary<string, object?> For(Dictionary<string, object?> page) => new()
    {
        ["site"] = site,
        ["page"] = page,
    };

    /// <summary>The head of a page: its full title, description and canonical URL.</summary>
    public static Dictionary<string, object?> Page(string title, string description, Uri url, string type = "website") => new()
    {
        ["title"] = title,
        ["description"] = description,
        ["url"] = url.ToString(),
        ["type"] = type,
    };

    /// <summary>Tags as templates see them: the name and the URL of the tag's page.</summary>
    public List<Dictionary<string, object?>> Tags(IEnumerable<string> tags) =>
        tags.Select(tag => new Dictionary<string, object?> { ["name"] = tag, ["url"] = SiteUrls.TagPage(BaseUrl, SiteUrls.TagSlug(tag)).ToString() }).ToList();

    /// <summary>A date as <c>datetime</c> attributes want it, in UTC.</summary>
    public static string? IsoDate(DateTimeOffset? date) => date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A date as readers see it, such as "2 May 2024".</summary>
    public static string? DisplayDate(DateTimeOffset? date) => date?.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    // Pages run no inline script, so a script injected past the sanitizer still would not run. Style attributes are
    // allowed only because Markdig writes table alignment and grid-table column widths as style attributes (the
    // sanitizer strips every author-written one), and an attribute cannot run script. Images may come from anywhere
    // on https (articles link them); the counter script talks only to the API.
    private static string ContentSecurityPolicy(Uri api)
    {
        var apiOrigin = api.GetLeftPart(UriPartial.Authority);
        return $"default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' https: data: {apiOrigin}; connect-src {apiOrigin}; base-uri 'none'; form-action 'none'";
    }
}
