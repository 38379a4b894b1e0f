using ContentPipeline.Core.Rendering;

namespace ContentPipeline.Core.Site;

/// <summary>
/// The template models of listed articles and tags, each built once and shared by every page that shows it
/// (an article appears on a home page and on each of its tags' pages). Templates only read them.
/// </summary>
internal sealed class ListingModels
{
    private readonly Dictionary<string, Dictionary<string, object?>> articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, object?>> tags = new(StringComparer.Ordinal);

    /// <summary>Builds the models of <paramref name="newestFirst"/> and of their tags.</summary>
    public ListingModels(SiteModel site, IReadOnlyList<ListedArticle> newestFirst, TagIndex tagIndex)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(tagIndex);
        foreach (var tag in tagIndex.All)
        {
            tags.Add(tag.Slug.Value, new Dictionary<string, object?>
            {
                ["name"] = tag.Name,
                ["url"] = SiteUrls.TagPage(site.BaseUrl, tag.Slug).ToString(),
                ["count"] = tag.Articles.Length,
            });
        }

        foreach (var article in newestFirst)
        {
            articles.Add(article.Slug.Value, new Dictionary<string, object?>
            {
                ["title"] = article.Title,
                ["url"] = SiteUrls.ArticlePage(site.BaseUrl, article.Slug).ToString(),
                ["summary"] = article.Summary,
                ["date_iso"] = SiteModel.IsoDate(article.Date),
                ["date_display"] = SiteModel.DisplayDate(article.Date),
                ["author"] = article.Author,

                // The shared spelling, once per tag: an article tagged both "C#" and "c#" links one page, once.
                ["tags"] = article.Tags.Select(tagIndex.Of).Distinct().Select(Tag).ToList(),
            });
        }
    }

    /// <summary>The models of <paramref name="list"/>, in its order.</summary>
    public List<Dictionary<string, object?>> Articles(IEnumerable<ListedArticle> list) => list.Select(a => articles[a.Slug.Value]).ToList();

    /// <summary>The model of a tag: name, url and count.</summary>
    public Dictionary<string, object?> Tag(SiteTag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tags[tag.Slug.Value];
    }
}
