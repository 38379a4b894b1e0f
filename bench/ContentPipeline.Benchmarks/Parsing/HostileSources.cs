using System.Text;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Rendering.Limits;

namespace ContentPipeline.Benchmarks.Parsing;

/// <summary>
/// The sources of the <c>parse</c> benchmark, each filling <c>size</c> bytes (the upload limit, 1 MiB, unless quick):
/// ordinary articles for a baseline, the worst inputs each limit still lets through, and inputs far past the limits.
/// </summary>
internal static class HostileSources
{
    public static IReadOnlyList<HostileSource> All(int size)
    {
        var markers = MarkdownLimitsExtension.MaximumInlineMarkersPerBlock;
        return
        [
            HostileSource.Markdown("ordinary Markdown", Fill("## A heading\n\n" + Repeat("A paragraph with *emphasis*, a [link](https://example.com) and `code`.\n\n- one\n- two\n\n", 10), size)),
            HostileSource.PlainText("ordinary plain text", Fill("A line of plain text, the way scraped pages come.\n\n", size)),
            HostileSource.Html("ordinary HTML", "<h1>T</h1>" + Fill("<div><p>A paragraph <b>with</b> <a href=\"/x\">a link</a>.</p></div>\n", size)),
            HostileSource.Markdown("one line of letters", "# T\n\n" + new string('a', size)),
            HostileSource.Markdown("10,000-column table", Table(10_000)),
            HostileSource.Markdown("table as wide as the limit allows", Table(size / 6)),
            HostileSource.Markdown($"{markers} emphasis openers, then escapes", "# T\n\n" + Repeat("*a ", markers) + Fill("\\!", size - (3 * markers))),
            HostileSource.Markdown($"escapes, then {markers} bare URLs", "# T\n\n" + Fill("\\!", size - (10 * markers)) + Repeat(" www.a.com", markers)),
            HostileSource.Markdown($"{markers} unfinished links on one line", "# T\n\n" + Repeat("[a](", markers) + new string('x', size - (4 * markers))),
            HostileSource.Markdown("backtick runs of every length", "# T\n\n" + Backticks(size)),
            HostileSource.Markdown($"{MarkdownLimitsExtension.MaximumHeadings} identical headings", Repeat("## Same\n\n", MarkdownLimitsExtension.MaximumHeadings)),
            HostileSource.Markdown($"{MarkdownLimitsExtension.MaximumLinkReferenceDefinitions} link reference definitions in a row", "# T\n\n" + string.Concat(Enumerable.Range(0, MarkdownLimitsExtension.MaximumLinkReferenceDefinitions).Select(i => $"[r{i}]: /u{i}\n"))),
            HostileSource.Markdown("nested block quotes (refused)", new string('>', size) + " x"),
            HostileSource.Markdown("nested lists on one line (refused)", Fill("- ", size) + "x"),
            HostileSource.Markdown("emphasis flood (refused)", "# T\n\n" + Fill("*a **a ", size)),
            HostileSource.Markdown("bare URL flood (refused)", "# T\n\n" + Fill("www.a.com ", size)),
            HostileSource.Markdown("identical headings (refused)", Fill("## Same\n\n", size)),
            HostileSource.Markdown("link reference definitions (refused)", "# T\n\n" + Fill("[r]: /u\n", size)),
            HostileSource.Markdown("nested raw HTML (refused)", "# T\n\n" + Fill("<div>", size)),
            HostileSource.Html("nested HTML (refused)", "<h1>T</h1>" + Fill("<div>", size)),
            HostileSource.Markdown("deep YAML (refused)", "---\nx:\n  " + Fill("- ", Math.Min(size, 60_000)) + "v\n---\nBody"),
            HostileSource.Markdown("YAML alias bomb (refused)", "---\na: &a [x,x,x,x,x,x,x,x,x]\n" + string.Concat("bcdefgh".Select((c, i) => $"{c}: &{c} [{string.Join(',', Enumerable.Repeat("*" + "abcdefgh"[i], 9))}]\n")) + "---\nBody"),
        ];
    }

    private static string Table(int columns) =>
        "# T\n\n" + Repeat("|h", columns) + "|\n" + Repeat("|-", columns) + "|\n" + Repeat("|c", columns) + "|\n";

    private static string Backticks(int size)
    {
        var text = new StringBuilder(size);
        for (var run = 1; text.Length + run + 1 <= size; run++)
        {
            text.Append('a').Append('`', run);
        }

        return text.ToString();
    }

    private static string Fill(string unit, int size) => Repeat(unit, Math.Max(1, size / unit.Length));

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
}
