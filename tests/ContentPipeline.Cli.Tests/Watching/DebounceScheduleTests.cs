using ContentPipeline.Cli.Watching;

namespace ContentPipeline.Cli.Tests.Watching;

public sealed class DebounceScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void A_burst_of_changes_is_due_once_a_quiet_period_after_its_last_change()
    {
        var schedule = new DebounceSchedule(Quiet);
        schedule.Changed("a.md", Start);
        schedule.Changed("a.md", Start.AddMilliseconds(200));
        schedule.Changed("a.md", Start.AddMilliseconds(400));

        Assert.Empty(schedule.TakeDue(Start.AddMilliseconds(650)));
        Assert.Equal(["a.md"], schedule.TakeDue(Start.AddMilliseconds(700)));
        Assert.Empty(schedule.TakeDue(Start.AddSeconds(10)));
        Assert.Null(schedule.NextDue);
    }

    [Fact]
    public void Files_are_due_on_their_own_and_earliest_first()
    {
        var schedule = new DebounceSchedule(Quiet);
        schedule.Changed("late.md", Start.AddMilliseconds(100));
        schedule.Changed("early.md", Start);

        Assert.Equal(Start + Quiet, schedule.NextDue);
        Assert.Equal(["early.md"], schedule.TakeDue(Start.AddMilliseconds(300)));
        Assert.Equal(["late.md"], schedule.TakeDue(Start.AddMilliseconds(400)));
    }
}
