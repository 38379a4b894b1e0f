using System.Security.Cryptography;
using System.Text;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Rendering;

/// <summary>
/// Lays an <see cref="Article"/> out as a complete HTML5 page: <c>article.liquid</c> inside <c>layout.liquid</c>,
/// with the view counter's beacon. Thread-safe and deterministic: the same article gives the same bytes.
/// </summary>
public sealed class PageRenderer(SiteTemplates templates, SiteModel site)
{
    /// <summary>Reading speed used for the reading time, in words per minute.</summary>
    public const int WordsPerMinute = 220;

    /// <summary>The article page's template.</summary>
    public const string Template = "article";

    /// <summary>
    /// Identifies how pages are rendered: the templates, the page-visible settings and this library's build (its
    /// parsers, sanitizer and Markdown pipeline). Pages rendered under another version are re-rendered by
    /// reconciliation, so a new template, setting or fix reaches every page, not only those uploaded next.
    /// </summary>
    public string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{templates.Fingerprint}|{site.Fingerprint}|{typeof(PageRenderer).Assembly.ManifestModule.ModuleVersionId}")))[..16];

    /// <summary>Renders the page of <paramref name="article"/>, published under <paramref name="slug"/>.</summary>
    public RenderedPage Render(Article article, Slug slug)
    {
        ArgumentNullException.ThrowIfNull(article);
        var metadata = article.Metadata;
        var url = SiteUrls.ArticlePage(site.BaseUrl, slug);
        var page = SiteModel.Page($"{metadata.Title} · {site.Name}", metadata.Summary, url, "article");
        page["headline"] = metadata.Title;
        page["views_url"] = SiteUrls.Views(site.ApiBaseUrl, slug).ToString();
        page["views_pixel_url"] = SiteUrls.ViewsPixel(site.ApiBaseUrl, slug).ToString();
        page["views_script_url"] = site.Asset(site.Assets.ViewsScript).ToString();
        var model = site.For(page);
        model["article"] = new Dictionary<string, object?>
        {
            ["title"] = metadata.Title,
            ["slug"] = slug.Value,
            ["url"] = url.ToString(),
            ["summary"] = metadata.Summary,
            ["author"] = metadata.Author,
            ["tags"] = site.Tags(metadata.Tags),
            ["date_iso"] = SiteModel.IsoDate(metadata.Date),
            ["date_display"] = SiteModel.DisplayDate(metadata.Date),
            ["reading_minutes"] = ReadingMinutes(article.WordCount),
            ["body"] = article.BodyHtml,
        };
        return new RenderedPage(templates.RenderPage(Template, model));
    }

    /// <summary>Whole minutes to read <paramref name="words"/>, at least one.</summary>
    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));
}
