using ContentPipeline.Cli.Api;

namespace ContentPipeline.Cli.Publishing;

/// <summary>How a wait for the pipeline ended.</summary>
/// <param name="Final">The entry with the uploaded source and a final status; null when the time ran out.</param>
/// <param name="LastSeen">The last entry seen for the slug, which may describe an older source.</param>
internal sealed record WaitResult(ArticleInfo? Final, ArticleInfo? LastSeen);
