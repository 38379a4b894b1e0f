namespace ContentPipeline.Cli;

/// <summary>Arguments or settings the tool cannot work with; the message says what to change.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
