using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Catalog;
using ContentPipeline.Storage.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentPipeline.Functions.Articles;

/// <summary>Maps ingest results to HTTP answers.</summary>
public static class IngestResponses
{
    /// <summary>The status URL of an article, under the same API path the request came in on.</summary>
    public static string StatusUrl(HttpRequest request, string slug)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Routing matches "articles/{slug}/" too; without the trim the slug would be taken for the collection.
        var path = (request.Path.Value ?? "").TrimEnd('/');
        var collection = path.EndsWith("/articles", StringComparison.OrdinalIgnoreCase) ? path : path[..path.LastIndexOf('/')];
        return $"{request.PathBase}{collection}/{Uri.EscapeDataString(slug)}";
    }

    /// <summary>202 with the status URL, or the matching problem.</summary>
    public static IResult ToHttp(IngestResult result, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Kind == IngestResultKind.Accepted ? Accepted(result, request) : Problem(result);
    }

    /// <summary>The problem of a refused upload.</summary>
    public static ProblemHttpResult Problem(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Kind == IngestResultKind.Conflict
            ? Problems.Conflict(result.Error!, result.Slug!)
            : Problems.InvalidArticle(result.Error!, result.Slug);
    }

    /// <summary>The body of an accepted upload.</summary>
    public static UploadAccepted Body(IngestResult result, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new UploadAccepted(result.Slug!, ArticleResource.StatusName(result.Status ?? ArticleStatus.Pending), StatusUrl(request, result.Slug!));
    }

    private static Accepted<UploadAccepted> Accepted(IngestResult result, HttpRequest request)
    {
        var body = Body(result, request);
        return TypedResults.Accepted(body.StatusUrl, body);
    }
}
