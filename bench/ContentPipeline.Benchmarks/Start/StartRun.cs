using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentPipeline.Benchmarks.Start;

/// <summary>
/// Starts one <see cref="StartCommand"/> as a user would in a terminal (in its own process group, from the
/// repository root), times it until both the API and the site answer HTTP, then stops it with Ctrl+C (SIGINT to its
/// process group, as a terminal sends it) and waits until every process of the group has exited.
/// </summary>
internal static partial class StartRun
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How long <paramref name="command"/> took until the API and the site answered, or why it did not.</summary>
    public static async Task<(TimeSpan? Ready, string? Failure)> MeasureAsync(StartCommand command, string root, CancellationToken cancellationToken = default)
    {
        // setsid gives the command a process group of its own, so Ctrl+C reaches the host, its worker and Azurite at once.
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(command.FileName);
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Uri? api = null;
        Uri? site = null;
        var output = new List<string>();
        var launched = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("setsid did not start.");
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            bool apiAnswered = false, siteAnswered = false;
            while (Stopwatch.GetElapsedTime(launched) < ReadyTimeout && !process.HasExited)
            {
                apiAnswered = apiAnswered || (Volatile.Read(ref api) is { } apiUri && await AnswersAsync(client, new Uri(apiUri, "articles?limit=1"), requireSuccess: true, cancellationToken));
                siteAnswered = siteAnswered || (Volatile.Read(ref site) is { } siteUri && await AnswersAsync(client, siteUri, requireSuccess: false, cancellationToken));
                if (apiAnswered && siteAnswered)
                {
                    return (Stopwatch.GetElapsedTime(launched), null);
                }

                await Task.Delay(PollInterval, cancellationToken);
            }

            lock (output)
            {
                return (null, process.HasExited
                    ? $"it exited with {process.ExitCode}: {string.Join(" | ", output.TakeLast(5))}"
                    : $"not ready after {ReadyTimeout.TotalSeconds:0} s: {string.Join(" | ", output.TakeLast(5))}");
            }
        }
        finally
        {
            await StopAsync(process);
        }

        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line);
            }

            // The banner: "API      http://127.0.0.1:PORT/api/" and "Site     http://127.0.0.1:PORT/".
            if (Banner().Match(line) is { Success: true } match)
            {
                // The API line has no trailing slash ("…/api"); relative requests need one.
                var text = match.Groups["uri"].Value;
                var uri = new Uri(text.EndsWith('/') ? text : text + "/");
                if (match.Groups["what"].Value == "API")
                {
                    Volatile.Write(ref api, uri);
                }
                else
                {
                    Volatile.Write(ref site, uri);
                }
            }
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient client, Uri uri, bool requireSuccess, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            return !requireSuccess || response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>
    /// Ctrl+C to the whole process group, then SIGTERM if that was not enough (a process started with SIGINT ignored,
    /// as background jobs of a script are, never sees Ctrl+C), then waits; whatever is left of the group is killed by its id.
    /// </summary>
    private static async Task StopAsync(Process process)
    {
        // setsid made the command's process its group's leader, so the group's id is its process id.
        var group = process.Id;
        foreach (var signal in new[] { "-INT", "-TERM" })
        {
            await KillAsync(signal, "-" + group.ToString(CultureInfo.InvariantCulture));
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                break;
            }
            catch (OperationCanceledException)
            {
                // Try the next signal.
            }
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        // The host stops its worker and Azurite; this only catches what a failed start left behind.
        for (var attempt = 0; attempt < 50 && GroupMembers(group).Count > 0; attempt++)
        {
            await Task.Delay(100);
        }

        foreach (var member in GroupMembers(group))
        {
            await KillAsync("-KILL", member.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Sends <paramref name="signal"/> to <paramref name="target"/>: a process id, or a process group as its negated id.</summary>
    private static async Task KillAsync(string signal, string target)
    {
        // "--" keeps kill from reading a negative group id as an option.
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, "--", target }, UseShellExecute = false });
        if (kill is not null)
        {
            await kill.WaitForExitAsync();
        }
    }

    /// <summary>The processes whose process group is <paramref name="group"/>, from <c>/proc</c>.</summary>
    private static List<int> GroupMembers(int group)
    {
        var members = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid pgrp ...": fields after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 2 && fields[2] == group.ToString(CultureInfo.InvariantCulture))
                {
                    members.Add(id);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // It exited while we looked.
            }
        }

        return members;
    }

    [GeneratedRegex(@"^(?<what>API|Site)\s+(?<uri>https?://\S+)")]
    private static partial Regex Banner();
}
