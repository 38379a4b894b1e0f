using System.Globalization;
using System.Text;
using ContentPipeline.Benchmarks.Hosting;

namespace ContentPipeline.Benchmarks.Render;

/// <summary>One source the render benchmark turns into a page: its name, file name and Markdown text.</summary>
public sealed record RenderDocument(string Name, string FileName, string Markdown)
{
    /// <summary>The source as the blob trigger gets it: UTF-8 bytes.</summary>
    public byte[] Bytes { get; } = Encoding.UTF8.GetBytes(Markdown);

    public override string ToString() => Name;
}

/// <summary>
/// The two documents of the render goal, the same on every run: a ~6 KB prose article (the real sample in
/// <c>tests/samples</c>, as the Markdown an editor would upload for it) and a ~50 KB mixed document generated from a
/// fixed seed, with headings, lists, task lists, tables, fenced code, links, images, footnotes, quotes, definition lists
/// and some raw HTML: one HTML block per section, and a paragraph of inline HTML in every other section.
/// </summary>
internal static class RenderDocuments
{
    public const string ProseName = "prose-6kb";
    public const string MixedName = "mixed-50kb";

    private const string SampleFile = "fund-security-and-independence.txt";
    private const int MixedTargetBytes = 50 * 1024;
    private const int Seed = 20_261_125;

    private static readonly Lazy<IReadOnlyList<RenderDocument>> Documents = new(() => [Prose(), Mixed()]);

    public static IReadOnlyList<RenderDocument> All => Documents.Value;

    public static RenderDocument Named(string name) => All.Single(d => d.Name == name);

    /// <summary>
    /// The sample article (title line, date line, paragraphs) as Markdown: the title and date in front matter, the
    /// paragraphs as they are, which is what a Markdown upload of the same article holds.
    /// </summary>
    private static RenderDocument Prose()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.Root(), "tests", "samples", SampleFile));
        var title = lines[0].Trim();
        var date = lines.Skip(1).First(l => l.Trim().Length > 0).Trim()[..10];
        var body = string.Join('\n', lines.Skip(1).SkipWhile(l => l.Trim().Length == 0).Skip(1));
        var markdown = $"---\ntitle: {title}\ndate: {date}\ntags: [policy, intellectual-property]\n---\n{body.Trim()}\n";
        return new RenderDocument(ProseName, "fund-security-and-independence.md", markdown);
    }

    private static RenderDocument Mixed()
    {
        var random = new Random(Seed);
        var text = new StringBuilder();
        text.Append("---\ntitle: Mixed markup, all of it\ndate: 2024-05-02\nauthor: Ada Lindqvist\ntags: [markdown, benchmark]\n")
            .Append("summary: Every construct an article uses, many times over.\n---\n\n")
            .Append("*[HTML]: HyperText Markup Language\n\n");
        var section = 0;
        while (Encoding.UTF8.GetByteCount(text.ToString()) < MixedTargetBytes)
        {
            section++;
            AppendSection(text, section, random);
        }

        text.Append("\n[^note-1]: A footnote with a [link](https://example.org/notes) and `code`.\n");
        text.Append("[^note-2]: Another footnote, *emphasised*.\n");
        return new RenderDocument(MixedName, "mixed-markup.md", text.ToString());
    }

    private static void AppendSection(StringBuilder text, int section, Random random)
    {
        var n = section.ToString(CultureInfo.InvariantCulture);
        text.Append("## Section ").Append(n).Append(": caches, queues and honest budgets\n\n");
        text.Append("A paragraph with *emphasis*, **strong text**, `inline code`, ~~struck~~ words, ==marked== text, H~2~O and x^2^, ")
            .Append("an [internal link](/articles/other-").Append(n).Append("/), an [external one](https://example.com/page/").Append(n)
            .Append(" \"Example\"), an autolink https://www.example.org/").Append(n).Append(" and a note[^note-1]. ")
            .Append(Sentence(random)).Append(' ').Append(Sentence(random)).Append("\n\n");
        if (section % 2 == 0)
        {
            text.Append("Inline HTML: <mark>highlighted</mark>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, <abbr title=\"Content Delivery Network\">CDN</abbr>, ")
                .Append("<span class=\"tag\" onclick=\"steal()\">a handler to drop</span> and <a href=\"https://example.net/").Append(n)
                .Append("\" target=\"_blank\">a raw link</a>. ").Append(Sentence(random)).Append("\n\n");
        }
        text.Append("### Steps\n\n");
        for (var i = 1; i <= 4; i++)
        {
            text.Append(i).Append(". ").Append(Sentence(random)).Append('\n');
        }

        text.Append("\n- [x] ").Append(Sentence(random)).Append("\n- [ ] ").Append(Sentence(random)).Append("\n- A plain item with a nested list:\n  - ")
            .Append(Sentence(random)).Append("\n  - ").Append(Sentence(random)).Append("\n\n");
        text.Append("| Name | Count | Share |\n|:-----|------:|:-----:|\n");
        for (var i = 0; i < 5; i++)
        {
            text.Append("| ").Append(Word(random)).Append(" `").Append(Word(random)).Append("` | ").Append(random.Next(1000)).Append(" | ")
                .Append(random.Next(100)).Append("% |\n");
        }

        text.Append("\n```csharp\n");
        for (var i = 0; i < 6; i++)
        {
            text.Append("var ").Append(Word(random)).Append(i).Append(" = await client.GetAsync(\"/api/").Append(Word(random)).Append("\", cancellationToken); // < & >\n");
        }

        text.Append("```\n\n");
        text.Append("> A quote about ").Append(Word(random)).Append(": ").Append(Sentence(random)).Append("\n> \n> — Someone[^note-2]\n\n");
        text.Append("![A chart of ").Append(Word(random)).Append("](https://cdn.example.com/charts/").Append(n).Append(".png \"Chart\")\n\n");
        text.Append("Term ").Append(n).Append("\n:   ").Append(Sentence(random)).Append("\n\n");
        switch (section % 3)
        {
            case 0:
                text.Append("<details>\n<summary>More on ").Append(Word(random)).Append("</summary>\n<p>").Append(Sentence(random))
                    .Append(" <a href=\"javascript:alert(1)\">a bad link</a>.</p>\n</details>\n\n");
                break;
            case 1:
                text.Append("<div class=\"note\">\n<p>A note with <strong>markup</strong>, <img src=\"https://cdn.example.com/i/").Append(n)
                    .Append(".png\" alt=\"an image\" onerror=\"alert(1)\"> and text.</p>\n</div>\n\n");
                break;
            default:
                text.Append("<figure>\n<img src=\"/images/").Append(n).Append(".jpg\" alt=\"A photo\" width=\"640\" height=\"480\">\n<figcaption>")
                    .Append(Sentence(random)).Append("</figcaption>\n</figure>\n\n");
                break;
        }

        text.Append(Sentence(random)).Append(' ').Append(Sentence(random)).Append(' ').Append(Sentence(random)).Append("\n\n");
    }

    private static readonly string[] Words =
    [
        "cache", "queue", "request", "latency", "budget", "release", "editor", "page", "table", "partition", "deploy",
        "review", "schema", "index", "token", "reader", "feed", "storage", "render", "template", "draft", "archive",
        "metric", "trace", "signal", "backlog", "design", "service", "client", "server", "retry", "timeout", "batch",
        "the", "a", "of", "to", "and", "in", "for", "with", "on", "that", "this", "it", "is", "was", "we", "our",
    ];

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string Sentence(Random random)
    {
        var count = random.Next(8, 18);
        var words = Enumerable.Range(0, count).Select(_ => Word(random)).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }
}
