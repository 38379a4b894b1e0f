using ContentPipeline.Cli.Api;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Publishing;

/// <summary>Where sources go: the HTTP API, or straight into the articles container.</summary>
internal interface IArticleUploader
{
    /// <summary>The destination, for messages (never a secret).</summary>
    string Destination { get; }

    /// <summary>Stores <paramref name="content"/> as the source of <paramref name="slug"/>; the blob trigger publishes it.</summary>
    Task<UploadResult> UploadAsync(Slug slug, ArticleFormat format, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Takes the article down, or (directly in storage) removes its source so the pipeline takes it down.</summary>
    Task<UnpublishResult> UnpublishAsync(Slug slug, CancellationToken cancellationToken = default);
}
