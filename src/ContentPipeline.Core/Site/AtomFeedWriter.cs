using System.Text;
using System.Xml;
using ContentPipeline.Core.Rendering;

namespace ContentPipeline.Core.Site;

/// <summary>
/// Writes the site's Atom 1.0 feed (RFC 4287): UTF-8 without a byte order mark, each entry with its full body as
/// escaped HTML. The same entries always give the same bytes: nothing depends on the clock.
/// </summary>
public sealed class AtomFeedWriter(SiteModel site)
{
    /// <summary>The feed's <c>updated</c> when it has no entries: a fixed instant, so an empty feed is deterministic too.</summary>
    public static readonly DateTimeOffset EmptyFeedUpdated = DateTimeOffset.UnixEpoch;

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",

        // Replace (the default) would turn a body's \r\n into \n; entitizing keeps the body exactly as given.
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>The feed's public URL, which is also its <c>rel="self"</c> link.</summary>
    public Uri FeedUrl => new(site.BaseUrl, SitePaths.Feed);

    /// <summary>
    /// Writes a feed of <paramref name="entries"/> in the order given (callers pass the newest first). The feed's
    /// <c>updated</c> is the latest <see cref="ListedArticle.Updated"/> among them: the feed changes whenever any
    /// entry does, not only the newest.
    /// </summary>
    public byte[] Write(IReadOnlyList<FeedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, site.BaseUrl.ToString());
            WriteText(xml, "title", site.Name);
            xml.WriteElementString("updated", AtomNamespace, Timestamp(entries.Count == 0 ? EmptyFeedUpdated : entries.Max(e => e.Article.Updated)));
            WriteLink(xml, "self", "application/atom+xml", FeedUrl);
            WriteLink(xml, "alternate", "text/html", site.BaseUrl);

            // RFC 4287 requires a feed-level author unless every entry has one; an empty feed has no entries to carry it.
            WriteAuthor(xml, site.Name);
            foreach (var entry in entries)
            {
                WriteEntry(xml, entry);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private void WriteEntry(XmlWriter xml, FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var article = entry.Article;
        var url = SiteUrls.ArticlePage(site.BaseUrl, article.Slug);
        xml.WriteStartElement("entry", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, url.ToString());
        WriteText(xml, "title", article.Title);
        xml.WriteElementString("updated", AtomNamespace, Timestamp(article.Updated));
        xml.WriteElementString("published", AtomNamespace, Timestamp(article.Date));
        WriteAuthor(xml, string.IsNullOrWhiteSpace(article.Author) ? site.Name : article.Author);
        WriteLink(xml, "alternate", "text/html", url);
        foreach (var tag in article.Tags)
        {
            xml.WriteStartElement("category", AtomNamespace);
            xml.WriteAttributeString("term", XmlText.Clean(tag));
            xml.WriteEndElement();
        }

        if (!string.IsNullOrEmpty(article.Summary))
        {
            WriteText(xml, "summary", article.Summary);
        }

        xml.WriteStartElement("content", AtomNamespace);
        xml.WriteAttributeString("type", "html");

        // Bodies link their own footnotes and headings with fragment-only URLs; readers resolve them against
        // xml:base, which must therefore be the article's page rather than the feed.
        xml.WriteAttributeString("xml", "base", null, url.ToString());
        xml.WriteString(XmlText.Clean(entry.BodyHtml));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteText(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, AtomNamespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlText.Clean(text));
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string rel, string type, Uri href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.ToString());
        xml.WriteEndElement();
    }

    private static void WriteAuthor(XmlWriter xml, string name)
    {
        xml.WriteStartElement("author", AtomNamespace);
        xml.WriteElementString("name", AtomNamespace, XmlText.Clean(name));
        xml.WriteEndElement();
    }

    // RFC 3339 in UTC, to the second, as every other date the site shows.
    private static string Timestamp(DateTimeOffset instant) => SiteModel.IsoDate(instant)!;
}
