using System.Globalization;
using System.Text;

namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>Goals as one Markdown table: goal, our figure, the baseline, the ratio, the goal's threshold, the verdict.</summary>
internal static class GoalTable
{
    public static string Markdown(IEnumerable<GoalResult> goals, string? heading = "Performance goals:")
    {
        ArgumentNullException.ThrowIfNull(goals);
        var markdown = new StringBuilder();
        if (heading is not null)
        {
            markdown.AppendLine(heading).AppendLine();
        }

        markdown.AppendLine("| Goal | Measured | Baseline | Ratio | Target | Verdict |");
        markdown.AppendLine("|---|--:|--:|--:|---|---|");
        foreach (var goal in goals)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {goal.Goal} | {goal.Measured} | {goal.Baseline} | {goal.Ratio} | {goal.Target} | {Verdicts.Text(goal.Verdict)} |");
        }

        return markdown.ToString();
    }
}
