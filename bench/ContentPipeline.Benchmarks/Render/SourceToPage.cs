using ContentPipeline.Core;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Sanitizing;
using ContentPipeline.Core.Site;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Benchmarks.Render;

/// <summary>
/// The app's source-to-page path, built as <c>AddContentPipeline</c> registers it (one sanitizer, parser, templates,
/// site model and renderer, default options) and called as the blob trigger calls it: parse the source's bytes, then
/// render the article into its finished page (bytes and content hash).
/// </summary>
public sealed class SourceToPage
{
    private readonly ArticleParser parser;
    private readonly PageRenderer renderer;

    public SourceToPage()
    {
        var options = new ContentPipelineOptions();
        parser = new ArticleParser(new HtmlFragmentSanitizer());
        renderer = new PageRenderer(new SiteTemplates(options), new SiteModel(options, new SiteAssets()));
    }

    /// <summary>Parses <paramref name="document"/>; a failure is a bug in the benchmark's documents.</summary>
    public Article Parse(RenderDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var parsed = parser.Parse(new ArticleSource(document.Bytes, ArticleFormat.Markdown, document.FileName));
        return parsed.IsSuccess ? parsed.Article : throw new InvalidOperationException($"{document.Name} does not parse: {parsed.Error}");
    }

    /// <summary>Lays <paramref name="article"/> out as its page.</summary>
    public RenderedPage Layout(Article article, Slug slug) => renderer.Render(article, slug);

    /// <summary>The whole path: bytes in, finished page out.</summary>
    public RenderedPage Render(RenderDocument document, Slug slug) => Layout(Parse(document), slug);

    /// <summary>The slug a document is published under in the benchmark.</summary>
    public static Slug SlugOf(RenderDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Slug.TryParse(document.Name, out var slug, out var error) ? slug : throw new InvalidOperationException(error);
    }
}
