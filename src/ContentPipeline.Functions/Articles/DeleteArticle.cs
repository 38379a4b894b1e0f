using ContentPipeline.Core.Slugs;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Articles;

/// <summary><c>DELETE /api/articles/{slug}</c>: unpublishes an article: its source, page, views and catalog row.</summary>
public sealed class DeleteArticle(ArticleUnpublisher unpublisher)
{
    [Function(nameof(DeleteArticle))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "articles/{slug}")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var valid, out var problem))
        {
            return Problems.InvalidSlug(problem);
        }

        return await unpublisher.UnpublishAsync(valid, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound(valid.Value);
    }
}
