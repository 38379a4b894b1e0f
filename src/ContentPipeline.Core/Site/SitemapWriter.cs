using System.Text;
using System.Xml;
using ContentPipeline.Core.Rendering;

namespace ContentPipeline.Core.Site;

/// <summary>
/// Writes the sitemap (sitemaps.org protocol 0.9). Up to <see cref="MaxUrlsPerFile"/> URLs it is one
/// <c>sitemap.xml</c>; past that, <c>sitemap.xml</c> becomes a sitemap index of <c>sitemap-1.xml</c>,
/// <c>sitemap-2.xml</c>, …, as the protocol requires. (Its other limit, 50 MB per file, is out of reach: slugs are
/// at most 80 characters, so 50,000 URLs take a few MB.)
/// </summary>
public sealed class SitemapWriter
{
    /// <summary>The protocol's limit of URLs in one sitemap file.</summary>
    public const int MaxUrlsPerFile = 50_000;

    /// <summary>The protocol's XML namespace.</summary>
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    private readonly Uri siteBaseUrl;
    private readonly string cacheControl;
    private readonly int maxUrlsPerFile;

    /// <summary>Creates a writer for the site at <paramref name="siteBaseUrl"/> whose files get <paramref name="cacheControl"/>.</summary>
    public SitemapWriter(Uri siteBaseUrl, string cacheControl)
        : this(siteBaseUrl, cacheControl, MaxUrlsPerFile)
    {
    }

    /// <summary>Lets tests split a sitemap without rendering 50,000 URLs.</summary>
    internal SitemapWriter(Uri siteBaseUrl, string cacheControl, int maxUrlsPerFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheControl);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUrlsPerFile, 1);
        this.siteBaseUrl = SiteUrls.NormalizeBase(siteBaseUrl);
        this.cacheControl = cacheControl;
        this.maxUrlsPerFile = maxUrlsPerFile;
    }

    /// <summary>The sitemap file(s) listing <paramref name="urls"/> in the order given: <c>sitemap.xml</c> first.</summary>
    public IReadOnlyList<SiteFile> Write(IReadOnlyList<SitemapUrl> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        if (urls.Count <= maxUrlsPerFile)
        {
            return [File(SitePaths.Sitemap, UrlSet(urls))];
        }

        var parts = urls.Chunk(maxUrlsPerFile)
            .Select((chunk, index) => (Path: SitePaths.SitemapPart(index + 1), Urls: chunk))
            .ToList();
        var files = new List<SiteFile>(parts.Count + 1)
        {
            File(SitePaths.Sitemap, Index(parts.Select(p => new SitemapUrl(new Uri(siteBaseUrl, p.Path), Latest(p.Urls))))),
        };
        files.AddRange(parts.Select(p => File(p.Path, UrlSet(p.Urls))));
        return files;
    }

    private SiteFile File(string path, byte[] content) => new(path, content, SiteContentTypes.Xml, cacheControl);

    private static byte[] UrlSet(IEnumerable<SitemapUrl> urls) => Document("urlset", "url", urls);

    private static byte[] Index(IEnumerable<SitemapUrl> sitemaps) => Document("sitemapindex", "sitemap", sitemaps);

    private static byte[] Document(string root, string item, IEnumerable<SitemapUrl> urls)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, Namespace);
            foreach (var url in urls)
            {
                xml.WriteStartElement(item, Namespace);

                // The protocol wants URLs escaped (RFC 3986), which AbsoluteUri is, then entity-escaped, which XmlWriter does.
                xml.WriteElementString("loc", Namespace, url.Location.AbsoluteUri);
                if (url.LastModified is { } lastModified)
                {
                    xml.WriteElementString("lastmod", Namespace, SiteModel.IsoDate(lastModified));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static DateTimeOffset? Latest(IEnumerable<SitemapUrl> urls) => urls.Max(u => u.LastModified);
}
