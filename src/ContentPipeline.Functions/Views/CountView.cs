using ContentPipeline.Core.Slugs;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Views;

/// <summary>
/// <c>POST /api/views/{slug}</c>: the page beacon's call. Counts one view of a published article and answers the
/// total. Prefetches and crawlers get the total without adding to it.
/// </summary>
public sealed class CountView(ViewCounter views)
{
    [Function(nameof(CountView))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "views/{slug}")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ViewResponses.NoStore(request.HttpContext);
        if (!Slug.TryParse(slug, out var valid, out var problem))
        {
            return Problems.InvalidSlug(problem);
        }

        var (total, counted) = await ViewResponses.CountIfViewAsync(views, request, valid, cancellationToken);
        return total is { } value
            ? TypedResults.Ok(new ViewCountResource(valid.Value, value, counted))
            : Problems.NotCountable(valid.Value);
    }
}
