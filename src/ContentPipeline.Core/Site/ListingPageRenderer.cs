using ContentPipeline.Core.Rendering;

namespace ContentPipeline.Core.Site;

/// <summary>
/// Lays out the site's HTML pages other than articles, each its own template inside <c>layout.liquid</c>:
/// <c>home.liquid</c>, <c>tag.liquid</c>, <c>tags.liquid</c> and <c>not-found.liquid</c>.
/// </summary>
internal sealed class ListingPageRenderer(SiteTemplates templates, SiteModel site)
{
    /// <summary>The home page's template.</summary>
    public const string HomeTemplate = "home";

    /// <summary>A tag page's template.</summary>
    public const string TagTemplate = "tag";

    /// <summary>The tags index's template.</summary>
    public const string TagsTemplate = "tags";

    /// <summary>The not-found page's template.</summary>
    public const string NotFoundTemplate = "not-found";

    /// <summary>Renders a page of the home listing.</summary>
    public string Home(ListingPage listing, ListingModels models)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var headline = listing.Number == 1 ? site.Name : $"Page {listing.Number} · {site.Name}";
        var page = SiteModel.Page(headline, $"The newest articles on {site.Name}.", listing.Url);
        return templates.RenderPage(HomeTemplate, Listing(page, listing, models));
    }

    /// <summary>Renders a page of <paramref name="tag"/>'s listing.</summary>
    public string Tag(SiteTag tag, ListingPage listing, ListingModels models)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(models);
        var headline = listing.Number == 1 ? tag.Name : $"{tag.Name} (page {listing.Number})";
        var page = SiteModel.Page($"{headline} · {site.Name}", $"Articles tagged {tag.Name} on {site.Name}.", listing.Url);
        page["headline"] = headline;
        var model = Listing(page, listing, models);
        model["tag"] = models.Tag(tag);
        model["tags_url"] = TagsUrl.ToString();
        return templates.RenderPage(TagTemplate, model);
    }

    /// <summary>Renders the page listing every tag with its count.</summary>
    public string Tags(IEnumerable<SiteTag> tags, ListingModels models)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(models);
        var page = SiteModel.Page($"Tags · {site.Name}", $"Every tag on {site.Name}.", TagsUrl);
        page["headline"] = "Tags";
        var model = site.For(page);
        model["tags"] = tags.Select(models.Tag).ToList();
        return templates.RenderPage(TagsTemplate, model);
    }

    /// <summary>Renders the page served for unknown paths. Its links are absolute: it is served at any depth.</summary>
    public string NotFound()
    {
        var page = SiteModel.Page($"Page not found · {site.Name}", "", new Uri(site.BaseUrl, SitePaths.NotFound));
        page["headline"] = "Page not found";
        var model = site.For(page);
        model["tags_url"] = TagsUrl.ToString();
        return templates.RenderPage(NotFoundTemplate, model);
    }

    private Uri TagsUrl => new(site.BaseUrl, SitePaths.TagsFolder);

    private Dictionary<string, object?> Listing(Dictionary<string, object?> page, ListingPage listing, ListingModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var model = site.For(page);
        model["articles"] = models.Articles(listing.Articles);
        model["pagination"] = new Dictionary<string, object?>
        {
            ["current"] = listing.Number,
            ["total"] = listing.Count,
            ["prev_url"] = listing.PreviousUrl?.ToString(),
            ["next_url"] = listing.NextUrl?.ToString(),
        };
        return model;
    }
}
