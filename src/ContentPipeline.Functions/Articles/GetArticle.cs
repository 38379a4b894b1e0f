using ContentPipeline.Core;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Articles;

/// <summary><c>GET /api/articles/{slug}</c>: one article's catalog entry and status.</summary>
public sealed class GetArticle(ArticleCatalog catalog, ContentPipelineOptions options)
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
        return entry is null ? Problems.NotFound(valid.Value) : TypedResults.Ok(ArticleResource.From(entry, options));
    }
}
