using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// Reads which articles and tags a listing file names, from its links. Article URLs are matched by their path
/// (<c>/articles/{slug}/</c>), not their origin: the site's base URL is a setting, not the port the host listens on.
/// </summary>
internal static partial class ListingParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The articles an HTML listing page links, in order (each is linked once, from its title).</summary>
    public static IReadOnlyList<string> ArticleLinks(string html) =>
        ArticleHref().Matches(html).Select(m => m.Groups["slug"].Value).ToList();

    /// <summary>The tags an HTML page links (<c>/tags/{tag}/</c>), without repeats.</summary>
    public static IReadOnlySet<string> TagLinks(string html) =>
        TagHref().Matches(html).Select(m => m.Groups["tag"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The articles of an Atom feed's entries, in order; null when it is not a well-formed Atom feed.</summary>
    public static IReadOnlyList<string>? FeedEntries(string xml) =>
        Parse(xml)?.Root?.Elements(Atom + "entry").Select(entry => SlugOf((string?)entry.Element(Atom + "id"))).ToList();

    /// <summary>The articles a sitemap lists, in order (home and tag URLs left out); null when it is not a well-formed sitemap.</summary>
    public static IReadOnlyList<string>? SitemapArticles(string xml) =>
        Parse(xml)?.Root?.Elements(Sitemap + "url")
            .Select(url => SlugOf((string?)url.Element(Sitemap + "loc")))
            .Where(slug => slug.Length > 0)
            .ToList();

    private static XDocument? Parse(string xml)
    {
        try
        {
            return XDocument.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string SlugOf(string? url) => url is not null && ArticleUrl().Match(url) is { Success: true } match ? match.Groups["slug"].Value : "";

    [GeneratedRegex(@"href=""[^""]*/articles/(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)/""", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleHref();

    [GeneratedRegex(@"href=""[^""]*/tags/(?<tag>[a-z0-9]+(?:-[a-z0-9]+)*)/""", RegexOptions.CultureInvariant)]
    private static partial Regex TagHref();

    [GeneratedRegex("/articles/(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)/$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleUrl();
}
