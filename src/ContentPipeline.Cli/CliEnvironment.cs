using Azure.Core;
using Azure.Identity;

namespace ContentPipeline.Cli;

/// <summary>
/// What the commands take from the process around them: environment variables, the working folder, the clock
/// and the Azure credential. The tool uses the real ones; tests hand in their own.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Reads an environment variable (null when unset).</summary>
    public required Func<string, string?> GetVariable { get; init; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>
    /// Makes the credential for <c>--storage https://…</c>. The tool uses <see cref="DefaultAzureCredential"/> (az login,
    /// environment, managed identity, …); it cannot be exercised without Azure, so tests reach Azurite with a connection string.
    /// </summary>
    public required Func<TokenCredential> CreateCredential { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static CliEnvironment FromProcess() => new()
    {
        GetVariable = Environment.GetEnvironmentVariable,
        CurrentDirectory = Environment.CurrentDirectory,
        CreateCredential = () => new DefaultAzureCredential(),
    };
}
