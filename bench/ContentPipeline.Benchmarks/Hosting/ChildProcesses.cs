using System.Globalization;

namespace ContentPipeline.Benchmarks.Hosting;

/// <summary>
/// This process's child processes, found through <c>/proc</c> (Linux only): the in-process host starts Azurite as a
/// child <c>node</c> process but does not expose it, and the benchmarks want its CPU time and memory.
/// </summary>
internal static class ChildProcesses
{
    private const string ProcFolder = "/proc";

    /// <summary>The id of a child process whose executable is named <paramref name="name"/>, or null (not found, not Linux).</summary>
    public static int? FindByName(string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories(ProcFolder))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so it ends at the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open)
                {
                    continue;
                }

                var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 1
                    && string.Equals(stat[(open + 1)..close], name, StringComparison.Ordinal)
                    && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent)
                    && parent == Environment.ProcessId)
                {
                    return id;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked: not the one we want.
            }
        }

        return null;
    }
}
