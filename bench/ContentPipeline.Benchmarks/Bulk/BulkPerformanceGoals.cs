using System.Text;
using static System.FormattableString;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// The bulk-publishing goals, checked against one run. Verdicts are printed only: timings depend on the machine, so a
/// MISS never fails the run.
/// </summary>
internal static class BulkPerformanceGoals
{
    /// <summary>Articles per second, from the first upload until the site has converged.</summary>
    public const double MinArticlesPerSecond = 150;

    /// <summary>Writes of any one listing file during the whole bulk upload.</summary>
    public const long MaxWritesPerListingFile = 10;

    /// <summary>The goals as a Markdown table.</summary>
    public static string Markdown(int articles, TimeSpan? converged, (string Path, long Writes)? mostWritten)
    {
        string[] throughput = converged is { } time
            ? [Invariant($"{articles / time.TotalSeconds:0.0}"), Verdict(articles / time.TotalSeconds >= MinArticlesPerSecond)]
            : ["did not converge", "MISS"];
        string[] writes = mostWritten is { } most
            ? [Invariant($"{most.Writes} ({most.Path})"), Verdict(most.Writes <= MaxWritesPerListingFile)]
            : ["no listing files", "MISS"];

        var markdown = new StringBuilder();
        markdown.AppendLine("Performance goals:");
        markdown.AppendLine();
        markdown.AppendLine("| Goal | Measured | Target | Verdict |");
        markdown.AppendLine("|---|--:|---|---|");
        markdown.AppendLine(Invariant($"| articles/s to a converged site | {throughput[0]} | >= {MinArticlesPerSecond:0} | {throughput[1]} |"));
        markdown.AppendLine(Invariant($"| writes of the most written listing file | {writes[0]} | <= {MaxWritesPerListingFile} | {writes[1]} |"));
        return markdown.ToString();
    }

    private static string Verdict(bool met) => met ? "PASS" : "MISS";
}
