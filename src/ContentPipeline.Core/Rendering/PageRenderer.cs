using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;
using Fluid;

namespace ContentPipeline.Core.Rendering;

/// <summary>
/// Lays an <see cref="Article"/> out as a complete HTML5 page with the Liquid template
/// (the built-in <c>page.liquid</c>, or <see cref="ContentPipelineOptions.PageTemplatePath"/>).
/// The template is parsed once; rendering is thread-safe and deterministic: the same article gives the same bytes.
/// </summary>
public sealed class PageRenderer
{
    /// <summary>Reading speed used for the reading time, in words per minute.</summary>
    public const int WordsPerMinute = 220;

    private const string BuiltInTemplate = "ContentPipeline.Core.Rendering.Templates.page.liquid";

    // Escapes markup-significant characters but leaves non-Latin text readable instead of as &#x…; entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IFluidTemplate template;
    private readonly TemplateOptions templateOptions = new();
    private readonly ContentPipelineOptions options;
    private readonly Uri baseUrl;

    /// <summary>Loads and parses the page template; an invalid template fails here, at start-up.</summary>
    public PageRenderer(ContentPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        baseUrl = SiteUrls.NormalizeBase(options.SiteBaseUrl);
        var source = options.PageTemplatePath is { Length: > 0 } path ? File.ReadAllText(path) : ReadBuiltInTemplate();
        if (!new FluidParser().TryParse(source, out template, out var error))
        {
            throw new InvalidOperationException($"The page template '{options.PageTemplatePath ?? BuiltInTemplate}' is not valid Liquid: {error}");
        }
    }

    /// <summary>Renders the page of <paramref name="article"/>, published under <paramref name="slug"/>.</summary>
    public RenderedPage Render(Article article, Slug slug)
    {
        ArgumentNullException.ThrowIfNull(article);
        var context = new TemplateContext(templateOptions);
        context.SetValue("site", SiteModel());
        context.SetValue("article", ArticleModel(article, slug));
        return new RenderedPage(template.Render(context, Encoder));
    }

    private Dictionary<string, object?> SiteModel() => new()
    {
        ["name"] = options.SiteName,
        ["base_url"] = baseUrl.ToString(),
        ["home_url"] = baseUrl.ToString(),
        ["navigation"] = options.Navigation.Select(link => new Dictionary<string, object?> { ["title"] = link.Title, ["url"] = link.Url }).ToList(),
    };

    private Dictionary<string, object?> ArticleModel(Article article, Slug slug)
    {
        var metadata = article.Metadata;
        return new Dictionary<string, object?>
        {
            ["title"] = metadata.Title,
            ["slug"] = slug.Value,
            ["url"] = SiteUrls.ArticlePage(baseUrl, slug).ToString(),
            ["summary"] = metadata.Summary,
            ["author"] = metadata.Author,
            ["tags"] = metadata.Tags.ToList(),
            ["date_iso"] = metadata.Date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["date_display"] = metadata.Date?.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            ["reading_minutes"] = ReadingMinutes(article.WordCount),
            ["body"] = article.BodyHtml,
        };
    }

    /// <summary>Whole minutes to read <paramref name="words"/>, at least one.</summary>
    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));

    private static string ReadBuiltInTemplate()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(BuiltInTemplate)
            ?? throw new InvalidOperationException($"The built-in template {BuiltInTemplate} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
