using Azure;
using Azure.Identity;
using ContentPipeline.Cli.Api;
using ContentPipeline.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli;

/// <summary>The <c>cpipe</c> command line: its commands, and the one place failures become messages and exit codes.</summary>
internal static class CliApp
{
    public const string Name = "cpipe";

    public static CommandApp Create(IAnsiConsole console, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName(Name);
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance(environment);
            config.Settings.Registrar.RegisterInstance(console);
            config.SetExceptionHandler((exception, _) => Report(console, exception));

            config.AddCommand<PublishCommand>("publish")
                .WithDescription("Publish the articles in folders or files that changed since the site last saw them, and wait for each outcome.")
                .WithExample("publish", "articles/")
                .WithExample("publish", "articles/", "--prune")
                .WithExample("publish", "articles/hello-world.md", "--api", "https://app.azurewebsites.net/api/");
            config.AddCommand<WatchCommand>("watch")
                .WithDescription("Publish each article file in a folder as it is saved.")
                .WithExample("watch", "articles/");
            config.AddCommand<StatusCommand>("status")
                .WithDescription("Show one article in full, or what in the catalog is not published and why.")
                .WithExample("status", "hello-world");
            config.AddCommand<ListCommand>("list")
                .WithDescription("List every article, newest first, with its views.");
        });
        return app;
    }

    /// <summary>Known failures get their message and exit code; anything else is a bug, shown with its stack trace.</summary>
    private static int Report(IAnsiConsole console, Exception exception)
    {
        switch (exception)
        {
            case CommandAppException { Pretty: { } pretty }:
                console.Write(pretty);
                return ExitCodes.Refused;
            case CommandAppException or CliUsageException:
                console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                return ExitCodes.Refused;
            case ApiException:
                console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                return ExitCodes.TargetUnavailable;
            case AuthenticationFailedException or CredentialUnavailableException:
                console.MarkupLineInterpolated($"[red]error:[/] Cannot sign in to storage: {exception.Message} Sign in with 'az login', or use a connection string.");
                return ExitCodes.TargetUnavailable;
            case RequestFailedException failed:
                console.MarkupLineInterpolated($"[red]error:[/] Storage refused the request ({failed.Status} {failed.ErrorCode}). Writing sources needs the 'Storage Blob Data Contributor' role on the account.");
                return ExitCodes.TargetUnavailable;
            case OperationCanceledException:
                console.MarkupLine("Cancelled.");
                return ExitCodes.Cancelled;
            default:
                console.WriteException(exception);
                return -1;
        }
    }
}
