using ContentPipeline.Core.Site;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// How many times the site wrote its listing files, from the <c>writes</c> count each one carries in its metadata:
/// the cost of the rebuilds (and of purging a CDN) a bulk upload caused. A file is only written when its bytes change.
/// </summary>
internal sealed record ListingWrites(string Files, int Count, long Max, long Median, long Total)
{
    public const string AllFiles = "all listing files";

    /// <summary>Every group of listing files, then all of them together.</summary>
    public static IReadOnlyList<ListingWrites> Summarize(IReadOnlyDictionary<string, ListedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        (string Name, Func<string, bool> Holds)[] groups =
        [
            ("home pages (index.html, page/N/)", p => p == SitePaths.Home || p.StartsWith("page/", StringComparison.Ordinal)),
            ("tag pages (tags/{tag}/, …/page/N/)", p => p.StartsWith(SitePaths.TagsFolder, StringComparison.Ordinal) && p != SitePaths.TagsIndex),
            (SitePaths.TagsIndex, p => p == SitePaths.TagsIndex),
            (SitePaths.Feed, p => p == SitePaths.Feed),
            (SitePaths.Sitemap, p => p == SitePaths.Sitemap),
            ("robots.txt, 404.html", p => p is SitePaths.Robots or SitePaths.NotFound),
        ];
        var rows = groups
            .Select(g => Of(g.Name, files.Where(f => g.Holds(f.Key)).Select(f => f.Value.Writes)))
            .Where(r => r.Count > 0)
            .ToList();
        rows.Add(Of(AllFiles, files.Values.Select(f => f.Writes)));
        return rows;
    }

    /// <summary>The most written file (the first by path among equals), or null when there are none.</summary>
    public static (string Path, long Writes)? MostWritten(IReadOnlyDictionary<string, ListedFile> files) =>
        files.Count == 0
            ? null
            : files.OrderByDescending(f => f.Value.Writes).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value.Writes)).First();

    private static ListingWrites Of(string name, IEnumerable<long> writes)
    {
        var sorted = writes.Order().ToArray();

        // The nearest-rank median (the lower middle of an even count), like the latency percentiles.
        return sorted.Length == 0
            ? new ListingWrites(name, 0, 0, 0, 0)
            : new ListingWrites(name, sorted.Length, sorted[^1], sorted[(sorted.Length - 1) / 2], sorted.Sum());
    }
}
