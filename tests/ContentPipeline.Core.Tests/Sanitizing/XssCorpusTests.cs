using System.Text;
using AngleSharp.Dom;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Site;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Testing;

namespace ContentPipeline.Core.Tests.Sanitizing;

/// <summary>
/// Every entry of the XSS corpus (tests/samples/xss) goes the way an uploaded article goes, through
/// <see cref="ArticleParser"/> and <see cref="PageRenderer"/>, and the whole page that comes out is read back with
/// an HTML parser: the head must hold only the layout's own elements, the body nothing that runs script.
/// </summary>
public sealed class XssCorpusTests
{
    private static readonly ArticleParser Parser = new();
    private static readonly ContentPipelineOptions Options = new()
    {
        SiteBaseUrl = new Uri("https://news.example/"),
        ApiBaseUrl = new Uri("https://api.news.example/api/"),
    };

    private static readonly SiteModel Site = new(Options, new SiteAssets());
    private static readonly PageRenderer Renderer = new(new SiteTemplates(Options), Site);

    /// <summary>The one script a page may load: the view counter's beacon.</summary>
    private static readonly string BeaconUrl = Site.Asset(Site.Assets.ViewsScript).ToString();

    /// <summary>The Content-Security-Policy of a page whose article holds nothing hostile.</summary>
    private static readonly string ContentSecurityPolicy = HarmlessPagePolicy();

    /// <summary>The head elements the layout writes, as selectors; anything else in a page's head came from an article.</summary>
    private static readonly string[] LayoutHeadElements =
    [
        "meta[charset]", "meta[name=viewport]", "meta[http-equiv=Content-Security-Policy]", "title",
        "meta[name=description]", "meta[name=author]", "meta[property^='og:']", "meta[property^='article:']",
        "link[rel=canonical]", "link[rel=stylesheet]", "link[rel=icon]", "link[rel=alternate]", "script[src][defer]",
    ];

    public static TheoryData<string> Vectors() => new(XssCorpus.All.Select(vector => vector.Name));

    [Fact]
    public void Corpus_has_at_least_100_uniquely_named_vectors_covering_every_class()
    {
        string[] classes =
        [
            "script", "event-handlers", "url-attributes", "obfuscated-schemes", "other-schemes", "svg-mathml", "css",
            "document-elements", "embedding", "mutation", "dom-clobbering", "markdown-links", "metadata",
        ];

        var vectors = XssCorpus.All;

        Assert.True(vectors.Count >= 100, $"The corpus has {vectors.Count} vectors.");
        Assert.Empty(vectors.GroupBy(v => v.Name).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(vectors, v => Assert.True(Slug.TryParse(v.Name, out _, out var error), $"{v}: {error}"));
        Assert.Subset(vectors.Select(v => v.Class).ToHashSet(), classes.ToHashSet());
        Assert.Contains(vectors, v => v.Extension == ".md");
        Assert.Contains(vectors, v => v.Extension == ".html");
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_renders_to_an_inert_page(string name)
    {
        var vector = XssCorpus.Named(name);

        var html = Render(vector);

        var problems = PageProblems(html);
        Assert.True(problems.Count == 0, $"{vector}: {string.Join("; ", problems)}\npage:\n{html}");
    }

    [Fact]
    public void Page_check_catches_a_script_in_the_head_and_a_handler_in_the_body()
    {
        // Guards the guard: a page that is not inert must fail the check used above.
        var html = Render(new XssVector("guard", "guard", ".md", "Text."))
            .Replace("</head>", "<script>alert(1)</script><base href=\"https://evil.example/\"></head>", StringComparison.Ordinal)
            .Replace("<p>Text.</p>", "<p onclick=\"alert(1)\">Text.</p><noscript><img src=x></noscript>", StringComparison.Ordinal);

        var problems = PageProblems(html);

        Assert.Contains(problems, p => p.StartsWith("<script> in the head", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("<base> in the head", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("onclick on <p>", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("<noscript> element", StringComparison.Ordinal));
    }

    private static string Render(XssVector vector)
    {
        Assert.True(ArticleFormats.TryFromFileName(vector.FileName, out var format), $"{vector}: unknown format");
        var result = Parser.Parse(new ArticleSource(Encoding.UTF8.GetBytes(vector.Source), format, vector.FileName));
        Assert.True(result.IsSuccess, $"{vector} was refused ({result.Error}); a vector must reach the renderer.");
        Assert.True(Slug.TryParse(vector.Name, out var slug, out var error), error);
        return Renderer.Render(result.Article, slug).Html;
    }

    private static List<string> PageProblems(string html)
    {
        using var document = InertMarkup.Parse(html);
        var problems = new List<string>();

        // The layout's structure survived: nothing in the article closed <main> early or swallowed the footer.
        var article = document.QuerySelector("body > main > article");
        if (article is null || document.Body!.LastElementChild?.ClassName != "site-footer")
        {
            problems.Add("the layout's <main><article> … <footer> structure is broken");
        }

        foreach (var element in document.Head!.Children)
        {
            if (!LayoutHeadElements.Any(element.Matches))
            {
                problems.Add($"<{element.LocalName}> in the head");
            }

            problems.AddRange(InertMarkup.ScriptProblems(element));
        }

        var scripts = document.Scripts.Select(s => s.Source ?? "(inline)").ToList();
        if (scripts.Count != 1 || scripts[0] != BeaconUrl || document.Scripts[0].TextContent.Length > 0)
        {
            problems.Add($"scripts other than the beacon: {string.Join(", ", scripts)}");
        }

        var policy = document.Head.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content");
        if (policy != ContentSecurityPolicy)
        {
            problems.Add($"Content-Security-Policy changed to '{policy}'");
        }

        // The layout's own body markup: the counter's <noscript> pixel, which only a browser without script shows.
        var pixel = document.QuerySelector("body > main > article > header > noscript");
        foreach (var element in document.Body!.Descendants<IElement>())
        {
            if (element != pixel && pixel?.Contains(element) != true)
            {
                problems.AddRange(InertMarkup.ElementProblems(element));
            }
        }

        return problems;
    }

    private static string HarmlessPagePolicy()
    {
        using var document = InertMarkup.Parse(Render(new XssVector("harmless", "harmless", ".md", "Text.")));
        return document.Head!.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content")!;
    }
}
