namespace ContentPipeline.Cli.Api;

/// <summary>Whether a source was taken for publishing, or refused with the reason (and the line, for a parse error).</summary>
internal sealed record UploadResult(bool IsAccepted, string? Reason = null, int? Line = null)
{
    public static UploadResult Accepted { get; } = new(true);

    public static UploadResult Refused(string reason, int? line) => new(false, reason, line);
}
