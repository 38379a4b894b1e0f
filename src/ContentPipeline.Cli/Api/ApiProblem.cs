namespace ContentPipeline.Cli.Api;

/// <summary>An RFC 9457 problem the API answered; parse errors carry the <c>line</c>.</summary>
internal sealed record ApiProblem(int? Status, string? Title, string? Detail, int? Line);
