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

return await CliApp.Create(AnsiConsole.Console, CliEnvironment.FromProcess()).RunAsync(args, cancellation.Token);
