using System.Text;
using ContentPipeline.Benchmarks.Load;
using ContentPipeline.Benchmarks.Reporting;
using ContentPipeline.Core.Site;
using static System.FormattableString;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>The bulk benchmark's results as Markdown tables: the measures, the listing writes and the processes' use of the machine.</summary>
internal static class BulkReport
{
    /// <param name="articles">The run's articles.</param>
    /// <param name="upload">The uploads.</param>
    /// <param name="watch">What watching the site came to.</param>
    /// <param name="files">The listing files at the end, with the number of times each was written during the run.</param>
    /// <param name="reader">The reader that watched the site, for the requests it made.</param>
    /// <param name="usage">The processes' use of the machine.</param>
    public static string Markdown(IReadOnlyList<GeneratedArticle> articles, LoadResult upload, WatchResult watch, IReadOnlyDictionary<string, ListedFile> files, SiteReader reader, ProcessUsageReport usage)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(usage);
        var all = ListingWrites.Summarize(files).Single(w => w.Files == ListingWrites.AllFiles);
        string Writes(string path) => files.TryGetValue(path, out var file) ? Invariant($"{file.Writes}") : "-";

        var markdown = new StringBuilder();
        markdown.AppendLine("| Measure | Value |");
        markdown.AppendLine("|---|--:|");
        Row(markdown, "articles uploaded", Invariant($"{upload.Succeeded} of {articles.Count} ({Megabytes(articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Markdown)))})"));
        Row(markdown, "upload time", Seconds(upload.Elapsed));
        Row(markdown, "uploads/s", Invariant($"{upload.Rate:0}"));
        Row(markdown, "upload latency p50 / p99 / max", Invariant($"{upload.Latency.P50.TotalMilliseconds:0.0} / {upload.Latency.P99.TotalMilliseconds:0.0} / {upload.Latency.Max.TotalMilliseconds:0.0} ms"));
        Row(markdown, "every article published, after the first upload", watch.Published is { } published ? Seconds(published) : "no");
        Row(markdown, "site converged, after the first upload", watch.Converged is { } converged ? Seconds(converged) : "no");
        Row(markdown, "articles/s to a converged site", watch.Converged is { } time ? Invariant($"{articles.Count / time.TotalSeconds:0.0}") : "-");
        Row(markdown, "listing files", Invariant($"{files.Count}"));
        Row(markdown, "listing file writes during the run: max / median / total", Invariant($"{all.Max} / {all.Median} / {all.Total}"));
        Row(markdown, $"writes of {SitePaths.Home} / {SitePaths.TagsIndex} / {SitePaths.Feed} / {SitePaths.Sitemap}", $"{Writes(SitePaths.Home)} / {Writes(SitePaths.TagsIndex)} / {Writes(SitePaths.Feed)} / {Writes(SitePaths.Sitemap)}");
        Row(markdown, "checking the site", Invariant($"{watch.Polls} polls: {reader.Properties} HEADs, {reader.Listings} listings, {reader.Downloads} downloads; {watch.CatalogReads} catalog reads"));

        markdown.AppendLine();
        markdown.AppendLine("| Listing files | files | max writes | median | total |");
        markdown.AppendLine("|---|--:|--:|--:|--:|");
        foreach (var group in ListingWrites.Summarize(files))
        {
            markdown.AppendLine(Invariant($"| {group.Files} | {group.Count} | {group.Max} | {group.Median} | {group.Total} |"));
        }

        markdown.AppendLine();
        markdown.AppendLine(Invariant($"| Process, from the first upload for {usage.Elapsed.TotalSeconds:0.0} s | CPU s | cores (average) | peak working set |"));
        markdown.AppendLine("|---|--:|--:|--:|");
        foreach (var process in usage.Processes)
        {
            var name = process.ProcessId is { } id ? Invariant($"{process.Name} (pid {id})") : $"{process.Name} (not found)";
            markdown.AppendLine(Invariant($"| {name} | {Optional(process.Cpu?.TotalSeconds, "0.0")} | {Optional(process.Cores, "0.00")} | {(process.PeakWorkingSetBytes is { } bytes ? Megabytes(bytes) : "-")} |"));
        }

        if (usage.MachineBusy is { } busy)
        {
            markdown.AppendLine(Invariant($"| whole machine, {Environment.ProcessorCount} CPUs | {busy * Environment.ProcessorCount * usage.Elapsed.TotalSeconds:0.0} | {busy * Environment.ProcessorCount:0.00} ({busy:0%} busy) | |"));
        }

        return markdown.ToString();
    }

    private static void Row(StringBuilder markdown, string measure, string value) => markdown.Append("| ").Append(measure).Append(" | ").Append(value).AppendLine(" |");

    private static string Seconds(TimeSpan time) => Invariant($"{time.TotalSeconds:0.00} s");

    private static string Megabytes(long bytes) => Invariant($"{bytes / (1024.0 * 1024.0):0.0} MiB");

    private static string Optional(double? value, string format) => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "-";
}
