using Azure.Core;
using Spectre.Console.Testing;

namespace ContentPipeline.Cli.Tests.Support;

/// <summary>Runs <c>cpipe</c> in process, as its <c>Program</c> does, against a test console and environment.</summary>
internal static class Cpipe
{
    /// <summary>A console as a terminal looks to the tool: it can redraw and someone can answer.</summary>
    public static TestConsole Terminal() => new TestConsole().Interactive().SupportsAnsi(true).Width(200);

    /// <summary>A console as redirected output or CI looks to the tool: no redrawing, nobody to ask.</summary>
    public static TestConsole Redirected() => new TestConsole().SupportsAnsi(false).Width(200);

    /// <summary>An environment with these variables only, working in <paramref name="currentDirectory"/>.</summary>
    public static CliEnvironment Environment(string currentDirectory, IReadOnlyDictionary<string, string> variables, TimeProvider? time = null) => new()
    {
        GetVariable = name => variables.GetValueOrDefault(name),
        CurrentDirectory = currentDirectory,
        CreateCredential = () => new UnusableCredential(),
        Time = time ?? TimeProvider.System,
    };

    public static Task<int> RunAsync(Spectre.Console.IAnsiConsole console, CliEnvironment environment, CancellationToken cancellationToken, params string[] args) =>
        CliApp.Create(console, environment).RunAsync(args, cancellationToken);

    public static Task<int> RunAsync(Spectre.Console.IAnsiConsole console, CliEnvironment environment, params string[] args) =>
        RunAsync(console, environment, CancellationToken.None, args);

    /// <summary>No test reaches Azure: a test that asks for a token has gone wrong.</summary>
    private sealed class UnusableCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Tests must not ask for an Azure token.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Tests must not ask for an Azure token.");
    }
}
