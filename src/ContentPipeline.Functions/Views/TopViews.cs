using System.Globalization;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Views;

/// <summary><c>GET /api/views?top=N</c>: the most viewed published articles, most viewed first.</summary>
public sealed class TopViews(ViewCounter views)
{
    /// <summary>How many articles when the request does not say.</summary>
    public const int DefaultTop = 10;

    [Function(nameof(TopViews))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "views")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ViewResponses.NoStore(request.HttpContext);
        var topText = request.Query["top"].ToString();
        var top = DefaultTop;
        if (topText.Length > 0 && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > ViewCounter.MaxTop))
        {
            return Problems.BadQuery($"top='{topText}' is not allowed; use a whole number from 1 to {ViewCounter.MaxTop}.");
        }

        var ranking = await views.TopAsync(top, cancellationToken);
        return TypedResults.Ok(new TopViewsResource(ranking.Select(a => new RankedArticle(a.Slug, a.Title, a.Views)).ToList()));
    }

    /// <summary>The ranking.</summary>
    public sealed record TopViewsResource(IReadOnlyList<RankedArticle> Articles);

    /// <summary>One ranked article.</summary>
    public sealed record RankedArticle(string Slug, string Title, long Views);
}
