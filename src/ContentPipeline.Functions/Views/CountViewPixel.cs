using ContentPipeline.Core.Slugs;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Views;

/// <summary>
/// <c>GET /api/views/{slug}.gif</c>: the counter for readers without JavaScript (the page's noscript image).
/// Counts one view like the beacon and answers a transparent 1×1 GIF; HEAD answers the same without counting.
/// </summary>
public sealed class CountViewPixel(ViewCounter views)
{
    [Function(nameof(CountViewPixel))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "views/{slug}.gif")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ViewResponses.NoStore(request.HttpContext);
        if (!Slug.TryParse(slug, out var valid, out var problem))
        {
            return Problems.InvalidSlug(problem);
        }

        var (total, _) = await ViewResponses.CountIfViewAsync(views, request, valid, cancellationToken);
        return total is null ? Problems.NotCountable(valid.Value) : ViewResponses.Pixel(request.HttpContext);
    }
}
