using ContentPipeline.Cli;
using Spectre.Console;

// Ctrl+C cancels the running command (uploads, waits and watching stop where they are); a second Ctrl+C ends
// the process at once, as usual.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Spectre assumes 80 columns when the output is not a terminal; a log or a pipe is better served by lines
    // that are never wrapped (one result per line, whole URLs), so the width is set past any real line.
    console.Profile.Width = 1000;
}

return await CliApp.Create(console, CliEnvironment.FromProcess()).RunAsync(args, cancellation.Token);
