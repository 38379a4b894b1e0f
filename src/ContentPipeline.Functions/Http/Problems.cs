using System.Globalization;
using ContentPipeline.Core.Articles;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentPipeline.Functions.Http;

/// <summary>RFC 9457 problem details for every error the API answers; each detail says what to fix.</summary>
public static class Problems
{
    public static ProblemHttpResult InvalidSlug(string detail) => Create(StatusCodes.Status400BadRequest, "Invalid slug", detail);

    public static ProblemHttpResult InvalidArticle(ArticleError error, string? slug = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = Details(StatusCodes.Status400BadRequest, "The article cannot be published", error.ToString());
        if (error.Line is { } line)
        {
            problem.Extensions["line"] = line;
        }

        if (slug is not null)
        {
            problem.Extensions["slug"] = slug;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult EmptyBody() =>
        Create(StatusCodes.Status400BadRequest, "Empty body", "The request has no body; send the article file as the body.");

    public static ProblemHttpResult TooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "File too large",
            // Invariant: the API's answers must not change with the server's culture ("1.024" in de-DE).
            string.Create(CultureInfo.InvariantCulture, $"The file is larger than the limit of {limit:N0} bytes; shorten or split it (the limit is the ContentPipeline:MaxUploadBytes setting)."));

    public static ProblemHttpResult UnreadableBody(string reason) =>
        Create(StatusCodes.Status400BadRequest, "Unreadable body", $"The request body could not be read ({reason}); the upload was probably interrupted, send it again.");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType, bool multipartAllowed) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            $"Content-Type '{contentType ?? "(none)"}' is not supported; send text/markdown, text/plain or text/html in UTF-8"
            + (multipartAllowed ? ", or multipart/form-data with one or more such files." : "."));

    public static ProblemHttpResult Conflict(ArticleError error, string slug)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = Details(StatusCodes.Status409Conflict, "Slug already taken", error.Message);
        problem.Extensions["slug"] = slug;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string slug) =>
        Create(StatusCodes.Status404NotFound, "No such article", $"There is no article with the slug '{slug}'. GET /api/articles lists the articles there are.");

    public static ProblemHttpResult NotCountable(string slug) =>
        Create(StatusCodes.Status404NotFound, "No such published article",
            $"There is no published article with the slug '{slug}'; views are counted only for published, non-draft articles. GET /api/articles/{slug} shows its status.");

    public static ProblemHttpResult BadQuery(string detail) => Create(StatusCodes.Status400BadRequest, "Invalid query", detail);

    public static ProblemHttpResult BadEvents(string detail) => Create(StatusCodes.Status400BadRequest, "Invalid Event Grid body", detail);

    public static ProblemHttpResult BadMultipart(string detail) => Create(StatusCodes.Status400BadRequest, "Invalid multipart body", detail);

    public static ProblemHttpResult Unexpected(string? traceId) =>
        Create(StatusCodes.Status500InternalServerError, "Unexpected error",
            $"The server failed unexpectedly; nothing you sent was lost if it was acknowledged. Retry, and report trace id '{traceId}' if it persists.");

    public static ProblemHttpResult StorageUnavailable(TimeSpan retryAfter) =>
        Create(StatusCodes.Status503ServiceUnavailable, "Storage unavailable",
            $"Storage did not answer, so nothing from this request was stored. Send it again in {retryAfter.TotalSeconds:0} seconds.");

    public static ProblemDetails Details(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
    };

    private static ProblemHttpResult Create(int status, string title, string detail) => TypedResults.Problem(Details(status, title, detail));
}
