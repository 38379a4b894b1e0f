using ContentPipeline.Core;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Articles;

/// <summary><c>GET /api/articles/{slug}</c>: one article's catalog entry, status and views.</summary>
public sealed class GetArticle(ArticleCatalog catalog, ViewCounter views, ContentPipelineOptions options)
{
    [Function(nameof(GetArticle))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "articles/{slug}")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var valid, out var problem))
        {
            return Problems.InvalidSlug(problem);
        }

        var entry = await catalog.GetAsync(valid, cancellationToken);
        if (entry is null)
        {
            return Problems.NotFound(valid.Value);
        }

        return TypedResults.Ok(ArticleResource.From(entry, options) with { Views = await views.TotalAsync(valid, cancellationToken) });
    }
}
