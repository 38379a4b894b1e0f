using System.Globalization;

namespace ContentPipeline.Benchmarks.Reporting;

/// <summary>
/// One performance goal of the issue as one run measured it: our figure, the baseline measured beside it (or the
/// fixed bound), their ratio, the goal, and whether the figure meets it. Verdicts are printed only; timings depend on
/// the machine, so a MISS never fails a run.
/// </summary>
internal sealed record GoalResult(string Goal, string Measured, string Baseline, string Ratio, string Target, GoalVerdict Verdict)
{
    /// <summary>A goal that could not be read from this run (its scenario failed or was skipped).</summary>
    public static GoalResult NotMeasured(string goal, string target) => new(goal, "not measured", "-", "-", target, GoalVerdict.NotMeasured);

    /// <summary>A goal of the form "ours / baseline ≥ minimum" (or ≤ maximum when <paramref name="atMost"/>).</summary>
    public static GoalResult ForRatio(string goal, string measured, string baseline, double ratio, double bound, bool atMost) =>
        new(goal, measured, baseline, Invariant($"{ratio:0.00}x"), Invariant($"{(atMost ? "<=" : ">=")} {bound:0.##}x"), Verdicts.Of(atMost ? ratio <= bound : ratio >= bound));

    /// <summary>A goal that bounds one figure, with no baseline; the ratio is figure / bound.</summary>
    public static GoalResult ForBound(string goal, double measured, double bound, string unit, bool atMost, string format = "0.#") =>
        new(
            goal,
            measured.ToString(format, CultureInfo.InvariantCulture) + " " + unit,
            "-",
            bound > 0 ? Invariant($"{measured / bound:0.00} of the bound") : "-",
            Invariant($"{(atMost ? "<=" : ">=")} {bound.ToString(format, CultureInfo.InvariantCulture)} {unit}"),
            Verdicts.Of(atMost ? measured <= bound : measured >= bound));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Whether a figure met its goal.</summary>
internal enum GoalVerdict
{
    Pass,
    Miss,
    NotMeasured,

    /// <summary>Not a goal: a figure printed beside the goals to explain them.</summary>
    Context,
}

/// <summary>The words a verdict is printed as.</summary>
internal static class Verdicts
{
    public static GoalVerdict Of(bool met) => met ? GoalVerdict.Pass : GoalVerdict.Miss;

    public static string Text(GoalVerdict verdict) => verdict switch
    {
        GoalVerdict.Pass => "PASS",
        GoalVerdict.Miss => "MISS",
        GoalVerdict.Context => "context",
        _ => "-",
    };
}
