using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using ContentPipeline.Core.Site;
using static ContentPipeline.Core.Tests.Site.ListingTestSupport;

namespace ContentPipeline.Core.Tests.Site;

public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static SyndicationFeed Load(SiteFile feed)
    {
        using var reader = XmlReader.Create(new MemoryStream(feed.Content.ToArray()));
        return SyndicationFeed.Load(reader);
    }

    private static SiteFile Feed(IEnumerable<ListedArticle> articles, Func<ListedArticle, string>? body = null, ContentPipelineOptions? options = null)
    {
        var list = articles.ToList();
        var files = Listing(options ?? Options()).Plan(list, list.ToDictionary(a => a.Slug, body ?? (a => Body(a.Slug))));
        return files.Single(f => f.Path == "feed.xml");
    }

    [Fact]
    public void Feed_is_atom_with_the_site_as_id_title_and_links()
    {
        var feed = Load(Feed([Article("one", 1), Article("two", 2)]));

        Assert.Equal(BaseUrl, feed.Id);
        Assert.Equal("Example News", feed.Title.Text);
        Assert.Equal(BaseUrl + "feed.xml", Assert.Single(feed.Links, l => l.RelationshipType == "self").Uri.ToString());
        Assert.Equal(BaseUrl, Assert.Single(feed.Links, l => l.RelationshipType == "alternate").Uri.ToString());
        Assert.Equal("Example News", Assert.Single(feed.Authors).Name);
    }

    [Fact]
    public void Entries_carry_id_title_dates_author_link_summary_and_html_content()
    {
        var article = Article("deltas", 3, title: "Deltas & Rivers", tags: ["geo"], summary: "Where rivers meet the sea.", author: "Ana");

        var item = Assert.Single(Load(Feed([article], _ => "<p>Mud &amp; <em>silt</em>.</p>")).Items);

        Assert.Equal(BaseUrl + "articles/deltas/", item.Id);
        Assert.Equal("Deltas & Rivers", item.Title.Text);
        Assert.Equal(article.Updated, item.LastUpdatedTime);
        Assert.Equal(article.Date, item.PublishDate);
        Assert.Equal("Ana", Assert.Single(item.Authors).Name);
        Assert.Equal(BaseUrl + "articles/deltas/", Assert.Single(item.Links, l => l.RelationshipType == "alternate").Uri.ToString());
        Assert.Equal("Where rivers meet the sea.", item.Summary.Text);
        Assert.Equal("geo", Assert.Single(item.Categories).Name);
        var content = Assert.IsType<TextSyndicationContent>(item.Content);
        Assert.Equal("html", content.Type);
        Assert.Equal("<p>Mud &amp; <em>silt</em>.</p>", content.Text);
    }

    [Fact]
    public void An_entry_without_an_author_is_credited_to_the_site()
    {
        var item = Assert.Single(Load(Feed([Article("anon", 1, author: null)])).Items);

        Assert.Equal("Example News", Assert.Single(item.Authors).Name);
    }

    [Fact]
    public void Feed_carries_only_the_newest_feed_size_articles_newest_first()
    {
        var feed = Load(Feed(Numbered(8), options: Options(feedSize: 5)));

        string[] newest = ["a-008", "a-007", "a-006", "a-005", "a-004"];
        Assert.Equal(newest.Select(s => BaseUrl + $"articles/{s}/"), feed.Items.Select(i => i.Id));
    }

    [Fact]
    public void Only_the_feed_articles_need_a_body()
    {
        var articles = Numbered(8);
        var listing = Listing(Options(feedSize: 2));

        var feedArticles = listing.FeedArticles(articles.Reverse());
        var files = listing.Plan(articles, feedArticles.ToDictionary(a => a.Slug, a => Body(a.Slug)));

        Assert.Equal(["a-008", "a-007"], feedArticles.Select(a => a.Slug.Value));
        Assert.Equal(2, Load(files.Single(f => f.Path == "feed.xml")).Items.Count());
    }

    [Fact]
    public void A_missing_body_of_a_feed_article_is_refused()
    {
        var articles = Numbered(3);

        var error = Assert.Throws<ArgumentException>(() => Listing(Options()).Plan(articles, new Dictionary<Core.Slugs.Slug, string>()));

        Assert.Contains("a-003", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_updated_is_the_latest_entry_update()
    {
        var edited = Article("old-but-edited", 1) with { Updated = Start.AddDays(30) };

        var feed = Load(Feed([Article("new", 5), edited]));

        Assert.Equal(Start.AddDays(30), feed.LastUpdatedTime);
    }

    [Fact]
    public void An_empty_feed_is_valid_and_dated_at_a_fixed_instant()
    {
        var first = Feed([]);
        var feed = Load(first);

        Assert.Empty(feed.Items);
        Assert.Equal(DateTimeOffset.UnixEpoch, feed.LastUpdatedTime);
        Assert.Equal(first.ContentHash, Feed([]).ContentHash);
    }

    [Fact]
    public void Body_html_is_escaped_as_xml_text_and_round_trips_exactly()
    {
        const string body = "<script>alert('x')</script>\n<p>a ]]> b &amp; c & d</p>\r\n<![CDATA[ e ]]>\t\"q\"";

        var file = Feed([Article("tricky", 1)], _ => body);
        var xml = Text(file);

        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        var content = Assert.IsType<TextSyndicationContent>(Assert.Single(Load(file).Items).Content);
        Assert.Equal(body, content.Text);
        Assert.Equal(body, XDocument.Parse(xml).Descendants(Atom + "content").Single().Value);
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_dropped_instead_of_failing_the_feed()
    {
        var article = Article("ctl", 1, title: "Bell\u0007 and 😀", summary: "Null\u0000 byte");

        var item = Assert.Single(Load(Feed([article], _ => "<p>form\u000Cfeed</p>")).Items);

        Assert.Equal("Bell and 😀", item.Title.Text);
        Assert.Equal("Null byte", item.Summary.Text);
        Assert.Equal("<p>formfeed</p>", ((TextSyndicationContent)item.Content).Text);
    }

    [Fact]
    public void Feed_is_utf8_without_a_byte_order_mark_and_served_as_atom()
    {
        var file = Feed([Article("cafe", 1, title: "Café")]);

        Assert.Equal((byte)'<', file.Content.Span[0]);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Text(file), StringComparison.Ordinal);
        Assert.Equal("application/atom+xml; charset=utf-8", file.ContentType);
        Assert.Equal("Café", XDocument.Parse(Text(file)).Descendants(Atom + "title").Last().Value);
    }

    [Fact]
    public void Content_resolves_relative_links_against_the_article_page()
    {
        var xml = XDocument.Parse(Text(Feed([Article("notes", 1)], _ => "<p><a href=\"#fn1\">1</a></p>")));

        Assert.Equal(BaseUrl + "articles/notes/", xml.Descendants(Atom + "content").Single().Attribute(XNamespace.Xml + "base")?.Value);
    }
}
