using ContentPipeline.Cli.Api;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Publishing;

/// <summary>Uploads with <c>PUT /api/articles/{slug}</c> and unpublishes with <c>DELETE</c>: the API checks each file at once.</summary>
internal sealed class HttpArticleUploader(ContentPipelineApi api) : IArticleUploader
{
    public string Destination => $"the API at {api.BaseAddress}";

    public Task<UploadResult> UploadAsync(Slug slug, ArticleFormat format, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        api.PutArticleAsync(slug, format, content, cancellationToken);

    public async Task<UnpublishResult> UnpublishAsync(Slug slug, CancellationToken cancellationToken = default) =>
        await api.DeleteArticleAsync(slug, cancellationToken) ? UnpublishResult.Unpublished : UnpublishResult.NotFound;
}
