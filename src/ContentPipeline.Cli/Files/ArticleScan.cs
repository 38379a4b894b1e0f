using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Files;

/// <summary>What was found under the paths given: the articles to publish and the files that cannot be.</summary>
internal sealed record ArticleScan(IReadOnlyList<ArticleFile> Articles, IReadOnlyList<FileProblem> Problems)
{
    public int Count => Articles.Count + Problems.Count;

    /// <summary>The slugs of the files to publish.</summary>
    public IReadOnlyList<Slug> SlugsToPublish => Articles.Select(a => a.Slug).ToList();

    /// <summary>Every slug a file here stands for, publishable or not: pruning leaves these alone.</summary>
    public IReadOnlySet<string> Slugs =>
        Articles.Select(a => a.Slug.Value).Concat(Problems.Select(p => p.Slug?.Value).OfType<string>()).ToHashSet(StringComparer.Ordinal);
}
