using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Rendering.SafeHtml;
using ContentPipeline.Core.Slugs;
using Markdig;

namespace ContentPipeline.Benchmarks.Render;

/// <summary>
/// The BenchmarkDotNet class of the <c>render</c> benchmark: raw <c>Markdown.ToHtml</c> with the app's Markdig
/// pipeline (the baseline) against the app's whole source-to-page path on the same text, and the two halves of that
/// path on their own to show where the time goes.
/// </summary>
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs public, unsealed benchmark classes only.")]
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet calls benchmarks as instance methods.")]
public class RenderComparison
{
    public const string Baseline = nameof(RawMarkdig);
    public const string Ours = nameof(SourceToPage);

    private readonly MarkdownPipeline pipeline = MarkdownPipelineFactory.Create();
    private readonly Render.SourceToPage app = new();
    private ArticleHtmlRenderer safeRenderer = null!;
    private RenderDocument document = null!;
    private Article article = null!;
    private Slug slug = null!;
    private string frontMatter = null!;
    private string pageHtml = null!;

    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = RenderDocuments.ProseName;

    public static IEnumerable<string> Documents => RenderDocuments.All.Select(d => d.Name);

    [GlobalSetup]
    public void Setup()
    {
        document = RenderDocuments.Named(Document);
        slug = Render.SourceToPage.SlugOf(document);
        article = app.Parse(document);
        safeRenderer = new ArticleHtmlRenderer(pipeline);
        var text = document.Markdown;
        frontMatter = text[4..text.IndexOf("\n---\n", 4, StringComparison.Ordinal)];
        pageHtml = app.Layout(article, slug).Html;
    }

    /// <summary>Markdig alone, as its README calls it: the text in, the HTML body out.</summary>
    [Benchmark(Baseline = true)]
    public string RawMarkdig() => Markdown.ToHtml(document.Markdown, pipeline);

    /// <summary>The app's path: decode, front matter, Markdig, link policy, sanitizing, layout, page bytes and hash.</summary>
    [Benchmark]
    public RenderedPage SourceToPage() => app.Render(document, slug);

    /// <summary>First half: bytes to <see cref="Article"/> (decode, front matter, Markdig, link policy, sanitizing, summary, word count).</summary>
    [Benchmark]
    public Article ParseOnly() => app.Parse(document);

    /// <summary>Second half: <see cref="Article"/> to page (Liquid layout, UTF-8 bytes, SHA-256).</summary>
    [Benchmark]
    public RenderedPage LayoutOnly() => app.Layout(article, slug);

    /// <summary>Part of the first half: Markdig's parse and the safe renderer (URL filtering, raw HTML sanitizing), no inline pass.</summary>
    [Benchmark]
    public string MarkdigSafeRenderer() => safeRenderer.Render(Markdown.Parse(document.Markdown, pipeline));

    /// <summary>Part of the first half: the YAML front matter alone.</summary>
    [Benchmark]
    public bool FrontMatterOnly() => FrontMatterParser.TryParse(frontMatter, 2, out _, out _);

    /// <summary>Part of the second half: the finished page's UTF-8 bytes and SHA-256 alone.</summary>
    [Benchmark]
    public RenderedPage PageBytesAndHash() => new(pageHtml);
}
