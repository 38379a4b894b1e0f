using System.Globalization;
using NCrontab;

namespace LocalFunctionsHost.Timers;

/// <summary>
/// A timer trigger's schedule: a six-field NCRONTAB expression (with seconds, as Functions uses) or a
/// TimeSpan interval such as <c>00:05:00</c>. Times are UTC, as on the real host without WEBSITE_TIME_ZONE.
/// </summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule? cron;
    private readonly TimeSpan? interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan? interval) => (this.cron, this.interval) = (cron, interval);

    public static TimerSchedule Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var every) && every > TimeSpan.Zero)
        {
            return new TimerSchedule(null, every);
        }

        var parsed = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return parsed is null
            ? throw new FormatException($"'{expression}' is not a timer schedule; use six NCRONTAB fields with seconds ('0 */5 * * * *') or an interval ('00:05:00').")
            : new TimerSchedule(parsed, null);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTime Next(DateTime after) =>
        interval is { } every ? after + every : cron!.GetNextOccurrence(DateTime.SpecifyKind(after, DateTimeKind.Unspecified));
}
