namespace ContentPipeline.Functions.Articles;

/// <summary>The answer to an accepted upload: where to watch it go from pending to published.</summary>
public sealed record UploadAccepted(string Slug, string Status, string StatusUrl);
