namespace ContentPipeline.Infra.Tests.Support;

/// <summary>What a finished command printed, and its exit code.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public string Output => $"{StandardOutput}{(StandardOutput.Length > 0 && StandardError.Length > 0 ? Environment.NewLine : "")}{StandardError}".Trim();
}
