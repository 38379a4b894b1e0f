using System.Globalization;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// What Linux's /proc says about processes the host started: which one listens on a port, and whether one still runs.
/// The host does not expose Azurite's process id, but Azurite is whoever listens on the queue port it was given.
/// </summary>
internal static class LocalProcesses
{
    private const string ListenState = "0A";

    /// <summary>The id of the process listening on TCP <paramref name="port"/>, or null if none (or not on Linux).</summary>
    public static int? ListeningOn(int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var inodes = ListeningSocketInodes("/proc/net/tcp", port).Concat(ListeningSocketInodes("/proc/net/tcp6", port))
            .Select(inode => $"socket:[{inode}]")
            .ToHashSet(StringComparer.Ordinal);
        if (inodes.Count == 0)
        {
            return null;
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(folder, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or someone else's process.
            }
        }

        return null;
    }

    /// <summary>The process's command line (arguments joined by spaces), or null if it no longer runs (zombies included).</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            var raw = File.ReadAllText($"/proc/{pid}/cmdline");
            return raw.Length == 0 ? null : raw.Replace('\0', ' ').TrimEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> ListeningSocketInodes(string table, int port)
    {
        if (!File.Exists(table))
        {
            yield break;
        }

        var portHex = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 9 && fields[1].EndsWith(":" + portHex, StringComparison.Ordinal) && fields[3] == ListenState)
            {
                yield return fields[9];
            }
        }
    }
}
