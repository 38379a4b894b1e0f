namespace ContentPipeline.Cli.Tests.Support;

/// <summary>How a run of <c>cpipe</c> ended and what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, IReadOnlyList<string> Lines);
