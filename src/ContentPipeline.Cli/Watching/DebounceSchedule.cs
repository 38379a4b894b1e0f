namespace ContentPipeline.Cli.Watching;

/// <summary>
/// When each changed file is due: a quiet period after its last change. Editors save in bursts (a temporary
/// file, a rename, one or two writes), and a file is published once, after the burst. Not thread-safe; the
/// <see cref="ChangeDebouncer"/> guards it.
/// </summary>
internal sealed class DebounceSchedule(TimeSpan quietPeriod)
{
    private readonly Dictionary<string, DateTimeOffset> due = new(StringComparer.Ordinal);

    /// <summary>The earliest time a file is due, or null when none is waiting.</summary>
    public DateTimeOffset? NextDue => due.Count == 0 ? null : due.Values.Min();

    /// <summary>Records a change of <paramref name="path"/>: it is due a quiet period from <paramref name="now"/>.</summary>
    public void Changed(string path, DateTimeOffset now) => due[path] = now + quietPeriod;

    /// <summary>Removes and returns the files quiet since their due time, earliest first.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now)
    {
        var ready = due.Where(pair => pair.Value <= now).OrderBy(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key).ToList();
        foreach (var path in ready)
        {
            due.Remove(path);
        }

        return ready;
    }
}
