using ContentPipeline.Core.Slugs;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Views;

/// <summary><c>GET /api/views/{slug}</c>: a published article's exact number of views, without counting one.</summary>
public sealed class GetViews(ViewCounter views)
{
    [Function(nameof(GetViews))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "views/{slug}")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ViewResponses.NoStore(request.HttpContext);
        if (!Slug.TryParse(slug, out var valid, out var problem))
        {
            return Problems.InvalidSlug(problem);
        }

        return await views.ReadAsync(valid, cancellationToken) is { } total
            ? TypedResults.Ok(new ViewCountResource(valid.Value, total))
            : Problems.NotCountable(valid.Value);
    }
}
