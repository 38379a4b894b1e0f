namespace ContentPipeline.Cli;

/// <summary>What the tool's exit code means; scripts and CI can tell the cases apart.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>An article failed, did not finish in time, or (status) does not exist.</summary>
    public const int ArticlesFailed = 1;

    /// <summary>Bad arguments, or a request the tool refused to carry out (pruning without confirmation).</summary>
    public const int Refused = 2;

    /// <summary>The API or storage could not be used: unreachable, or it refused the key or the credential.</summary>
    public const int TargetUnavailable = 3;

    /// <summary>Ctrl+C: the convention for a process ended by SIGINT (128 + 2).</summary>
    public const int Cancelled = 130;
}
