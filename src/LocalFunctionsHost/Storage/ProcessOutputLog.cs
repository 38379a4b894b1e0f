using System.ComponentModel;
using System.Diagnostics;

namespace LocalFunctionsHost.Storage;

/// <summary>
/// Collects the last lines a child process wrote to stdout and stderr, so a failure to start can say what the process said.
/// </summary>
internal sealed class ProcessOutputLog
{
    // Enough for any start-up error; a process that talks forever must not fill the host's memory.
    private const int MaxLines = 500;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private readonly Action<string>? _onStandardOutputLine;
    private readonly Action<string>? _onStandardErrorLine;

    /// <param name="onStandardOutputLine">Called with each line of stdout, on a thread-pool thread.</param>
    /// <param name="onStandardErrorLine">Called with each line of stderr, on a thread-pool thread.</param>
    public ProcessOutputLog(Action<string>? onStandardOutputLine = null, Action<string>? onStandardErrorLine = null)
    {
        _onStandardOutputLine = onStandardOutputLine;
        _onStandardErrorLine = onStandardErrorLine;
    }

    /// <summary>Starts the process with stdout and stderr redirected into this log.</summary>
    public Process Start(ProcessStartInfo startInfo, string displayName)
    {
        ArgumentNullException.ThrowIfNull(startInfo);

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                Append(text);
                _onStandardOutputLine?.Invoke(text);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                Append("stderr: " + text);
                _onStandardErrorLine?.Invoke(text);
            }
        };

        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {displayName} ('{startInfo.FileName}'); is it installed and on PATH?", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
        }
    }

    private void Append(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == MaxLines)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }
}
