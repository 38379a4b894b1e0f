using System.Globalization;
using ContentPipeline.Core;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Articles;

/// <summary><c>GET /api/articles?limit=&amp;continuation=</c>: the catalog, newest first, a page at a time.</summary>
public sealed class ListArticles(ArticleCatalog catalog, ContentPipelineOptions options)
{
    /// <summary>Page size when the request gives none.</summary>
    public const int DefaultLimit = 20;

    [Function(nameof(ListArticles))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "articles")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limitText = request.Query["limit"].ToString();
        var limit = DefaultLimit;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > ArticleCatalog.MaxPageSize))
        {
            return Problems.BadQuery($"limit='{limitText}' is not allowed; use a whole number from 1 to {ArticleCatalog.MaxPageSize}.");
        }

        var continuation = request.Query["continuation"].ToString();
        if (!ArticleCatalog.IsValidContinuationToken(continuation))
        {
            return Problems.BadQuery("The continuation token is not one this API issued; pass back the 'continuation' value of the previous page unchanged.");
        }

        var page = await catalog.ListAsync(limit, continuation, cancellationToken);
        return TypedResults.Ok(new ArticleList(page.Entries.Select(e => ArticleResource.From(e, options)).ToList(), page.ContinuationToken));
    }

    /// <summary>One page of the catalog; <c>continuation</c> is null on the last page.</summary>
    public sealed record ArticleList(IReadOnlyList<ArticleResource> Articles, string? Continuation);
}
