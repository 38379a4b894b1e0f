using LocalFunctionsHost.Queues;
using LocalFunctionsHost.Timers;

namespace LocalFunctionsHost.Tests.Triggers;

public sealed class TimerAndQueueTriggerTests
{
    private static readonly DateTime Noon = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("0 */5 * * * *", "2026-11-25T12:05:00")]
    [InlineData("30 0 12 * * *", "2026-11-25T12:00:30")]
    [InlineData("0 0 0 * * MON", "2026-11-30T00:00:00")]
    [InlineData("00:00:10", "2026-11-25T12:00:10")]
    public void Schedules_give_the_next_occurrence_after_a_time(string expression, string expected)
    {
        var next = TimerSchedule.Parse(expression).Next(Noon);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("every minute")]
    [InlineData("-00:00:10")]
    public void Invalid_schedules_are_refused_with_both_forms_named(string expression)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));

        Assert.Contains("six NCRONTAB fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timer_functions_read_schedule_settings_and_run_on_startup()
    {
        var function = LoadedFunctions.With("Tick", """{"name":"timer","type":"timerTrigger","direction":"In","schedule":"%TickSchedule%","runOnStartup":true}""");

        var timer = Assert.Single(TimerTriggerFunction.From([function], new Dictionary<string, string> { ["TickSchedule"] = "0 0 * * * *" }));

        Assert.Equal(("Tick", "timer", "0 0 * * * *", true), (timer.FunctionName, timer.BindingName, timer.Expression, timer.RunOnStartup));
    }

    [Fact]
    public void Queue_functions_read_the_queue_name_in_lower_case()
    {
        var function = LoadedFunctions.With("Work", """{"name":"message","type":"queueTrigger","direction":"In","queueName":"Work-Items","connection":"AzureWebJobsStorage"}""");

        var queue = Assert.Single(QueueTriggerFunction.From([function], new Dictionary<string, string>()));

        Assert.Equal(("Work", "message", "work-items"), (queue.FunctionName, queue.BindingName, queue.QueueName));
    }
}
