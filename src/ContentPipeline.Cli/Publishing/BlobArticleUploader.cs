using ContentPipeline.Cli.Api;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Sources;

namespace ContentPipeline.Cli.Publishing;

/// <summary>
/// Writes sources straight into the articles container through <see cref="ArticleSourceStore"/>, as
/// <c>{slug}.md</c>, <c>.txt</c> or <c>.html</c>; nothing checks them before the blob trigger does, so a bad file is
/// reported from the catalog once the trigger has recorded it as failed.
/// </summary>
internal sealed class BlobArticleUploader(ArticleSourceStore sources, Uri serviceUri) : IArticleUploader
{
    public string Destination => $"the articles container at {serviceUri}";

    public async Task<UploadResult> UploadAsync(Slug slug, ArticleFormat format, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await sources.SaveAsync(slug, format, content, replace: true, cancellationToken);
        return UploadResult.Accepted;
    }

    public async Task<UnpublishResult> UnpublishAsync(Slug slug, CancellationToken cancellationToken = default) =>
        await sources.DeleteAllAsync(slug, cancellationToken) ? UnpublishResult.SourceDeleted : UnpublishResult.NotFound;
}
