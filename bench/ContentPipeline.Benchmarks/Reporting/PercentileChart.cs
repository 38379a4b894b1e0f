using System.Globalization;
using System.Security;
using System.Text;

namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>One line of a <see cref="PercentileChart"/>: a label and its latencies in ascending order.</summary>
internal sealed record ChartSeries(string Label, IReadOnlyList<TimeSpan> SortedSamples);

/// <summary>A horizontal line across a <see cref="PercentileChart"/>, such as a goal's bound.</summary>
internal sealed record ChartMarker(TimeSpan Latency, string Label);

/// <summary>
/// Writes a latency-by-percentile chart as a small hand-written SVG (no dependency): the x axis counts "nines"
/// (0, 50, 90, 99, 99.9 %), so the tail gets as much room as the median, and each series is a line from its fastest
/// sample to its slowest. A reader sees the whole distribution, not only the percentiles a table picks.
/// </summary>
internal static class PercentileChart
{
    private const int Width = 760;
    private const int Height = 440;
    private const int Left = 70;
    private const int Right = 24;
    private const int Top = 48;
    private const int Bottom = 110;
    private const int MaxPointsPerSeries = 600;

    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    /// <summary>Writes the chart to <paramref name="path"/> (creating its folder) and returns the path.</summary>
    public static string Write(string path, string title, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartMarker>? markers = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Svg(title, series, markers ?? []), new UTF8Encoding(false));
        return path;
    }

    /// <summary>The chart as SVG text.</summary>
    public static string Svg(string title, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartMarker> markers)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(markers);
        var drawn = series.Where(s => s.SortedSamples.Count > 0).ToList();
        var xMax = Math.Max(2, drawn.Select(s => Math.Log10(s.SortedSamples.Count)).DefaultIfEmpty(2).Max());
        var yTop = NiceCeiling(Math.Max(
            drawn.Select(s => s.SortedSamples[^1].TotalMilliseconds).DefaultIfEmpty(1).Max(),
            markers.Select(m => m.Latency.TotalMilliseconds).DefaultIfEmpty(0).Max()));
        double X(double nines) => Left + (nines / xMax * (Width - Left - Right));
        double Y(double milliseconds) => Top + ((1 - (milliseconds / yTop)) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">"));
        svg.AppendLine(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>"));
        svg.AppendLine(Invariant($"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>"));

        // Grid: a vertical line per "nine", horizontal lines at round latencies.
        for (var nines = 0; nines <= (int)Math.Floor(xMax); nines++)
        {
            var label = nines == 0 ? "0%" : (100 * (1 - Math.Pow(10, -nines))).ToString("0.####", CultureInfo.InvariantCulture) + "%";
            svg.AppendLine(Invariant($"<line x1=\"{X(nines):0.#}\" y1=\"{Top}\" x2=\"{X(nines):0.#}\" y2=\"{Height - Bottom}\" stroke=\"#ddd\"/>"));
            svg.AppendLine(Invariant($"<text x=\"{X(nines):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{label}</text>"));
        }

        svg.AppendLine(Invariant($"<line x1=\"{X(Math.Log10(2)):0.#}\" y1=\"{Top}\" x2=\"{X(Math.Log10(2)):0.#}\" y2=\"{Height - Bottom}\" stroke=\"#ddd\" stroke-dasharray=\"2,3\"/>"));
        svg.AppendLine(Invariant($"<text x=\"{X(Math.Log10(2)):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">50%</text>"));
        var step = yTop / 5;
        for (var i = 0; i <= 5; i++)
        {
            var ms = step * i;
            svg.AppendLine(Invariant($"<line x1=\"{Left}\" y1=\"{Y(ms):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(ms):0.#}\" stroke=\"#eee\"/>"));
            svg.AppendLine(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(ms) + 4:0.#}\" text-anchor=\"end\">{ms:0.##}</text>"));
        }

        svg.AppendLine(Invariant($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - Bottom + 34}\" text-anchor=\"middle\">percentile (samples at or below)</text>"));
        svg.AppendLine(Invariant($"<text x=\"16\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Top + Height - Bottom) / 2})\">latency, ms</text>"));
        svg.AppendLine(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#999\"/>"));

        foreach (var marker in markers)
        {
            var y = Y(marker.Latency.TotalMilliseconds);
            svg.AppendLine(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#555\" stroke-dasharray=\"6,4\"/>"));
            svg.AppendLine(Invariant($"<text x=\"{Width - Right - 4}\" y=\"{y - 4:0.#}\" text-anchor=\"end\" fill=\"#555\">{Escape(marker.Label)}</text>"));
        }

        for (var i = 0; i < drawn.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var points = string.Join(' ', Points(drawn[i].SortedSamples).Select(p => Invariant($"{X(p.Nines):0.##},{Y(p.Milliseconds):0.##}")));
            svg.AppendLine(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>"));
            var legendY = Height - Bottom + 54 + (i * 16);
            svg.AppendLine(Invariant($"<line x1=\"{Left}\" y1=\"{legendY - 4}\" x2=\"{Left + 24}\" y2=\"{legendY - 4}\" stroke=\"{colour}\" stroke-width=\"3\"/>"));
            svg.AppendLine(Invariant($"<text x=\"{Left + 30}\" y=\"{legendY}\">{Escape(drawn[i].Label)}</text>"));
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Sample i of n is drawn at the fraction i/n of samples below it, in nines (-log10 of the fraction above). At
    /// most <see cref="MaxPointsPerSeries"/> points, spread evenly along the axis, plus the slowest sample.
    /// </summary>
    private static IEnumerable<(double Nines, double Milliseconds)> Points(IReadOnlyList<TimeSpan> sorted)
    {
        var count = sorted.Count;
        var xEnd = Math.Log10(count);
        var lastX = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            var x = -Math.Log10(1 - ((double)i / count));
            if (i == count - 1 || x - lastX >= xEnd / MaxPointsPerSeries)
            {
                lastX = x;
                yield return (x, sorted[i].TotalMilliseconds);
            }
        }
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (factor * magnitude >= value)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
