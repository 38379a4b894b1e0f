using System.Xml.Linq;
using ContentPipeline.Benchmarks.Reporting;

namespace ContentPipeline.Benchmarks.Tests;

public sealed class PercentileChartTests
{
    [Fact]
    public void Chart_is_well_formed_svg_with_a_line_per_series_and_escaped_labels()
    {
        TimeSpan[] fast = [.. Enumerable.Range(1, 1000).Select(i => TimeSpan.FromMilliseconds(i / 10.0))];
        TimeSpan[] slow = [TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(300)];

        var svg = PercentileChart.Svg("A <title> & more", [new ChartSeries("fast", fast), new ChartSeries("slow & rare", slow)], [new ChartMarker(TimeSpan.FromMilliseconds(150), "goal")]);

        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(2, document.Descendants(ns + "polyline").Count());
        Assert.Contains(document.Descendants(ns + "text"), t => t.Value == "A <title> & more");
        Assert.Contains(document.Descendants(ns + "text"), t => t.Value == "slow & rare");
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        TimeSpan[] sorted = [.. Enumerable.Range(1, 100).Select(i => TimeSpan.FromMilliseconds(i))];

        var summary = Load.LatencySummary.Of(sorted);

        Assert.Equal(TimeSpan.FromMilliseconds(50), summary.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(95), summary.P95);
        Assert.Equal(TimeSpan.FromMilliseconds(99), summary.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(100), summary.Max);
    }
}
