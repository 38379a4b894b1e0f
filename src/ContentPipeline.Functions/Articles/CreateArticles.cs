using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Articles;

/// <summary>
/// <c>POST /api/articles</c>: creates articles whose slug comes from their front matter or title, from one
/// file as the body or several as multipart/form-data (one result per file).
/// </summary>
public sealed class CreateArticles(UploadReader reader, ArticleIngestor ingestor)
{
    [Function(nameof(CreateArticles))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "articles")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var overwriteText = request.Query["overwrite"].ToString();
        if (!TryParseFlag(overwriteText, out var overwrite))
        {
            return Problems.BadQuery($"overwrite='{overwriteText}' is not a boolean; use ?overwrite=true or leave it out.");
        }

        if (!UploadReader.IsMultipart(request))
        {
            var read = await reader.ReadBodyAsync(request, "", cancellationToken);
            return read.IsAccepted
                ? IngestResponses.ToHttp(await ingestor.IngestAsync(read.Upload, slug: null, overwrite, cancellationToken), request)
                : read.Problem;
        }

        var results = new List<FileResult>();
        var bodyProblem = await reader.ReadMultipartAsync(request, async (fileName, read) => results.Add(await IngestPartAsync(request, fileName, read, overwrite, cancellationToken)), cancellationToken);
        if (bodyProblem is not null)
        {
            if (results.Count == 0)
            {
                return bodyProblem;
            }

            // Files before the fault were stored: report them, and the fault as a last entry.
            results.Add(new FileResult("", null, null, null, bodyProblem.ProblemDetails));
        }

        // All accepted: 202. Otherwise 207, and each file's own outcome says what to fix.
        var allAccepted = results.TrueForAll(r => r.Problem is null);
        return TypedResults.Json(new MultipartResults(results), statusCode: allAccepted ? StatusCodes.Status202Accepted : StatusCodes.Status207MultiStatus);
    }

    private async Task<FileResult> IngestPartAsync(HttpRequest request, string fileName, UploadRead read, bool overwrite, CancellationToken cancellationToken)
    {
        if (!read.IsAccepted)
        {
            return new FileResult(fileName, null, null, null, read.Problem.ProblemDetails);
        }

        var result = await ingestor.IngestAsync(read.Upload, slug: null, overwrite, cancellationToken);
        return result.Kind == IngestResultKind.Accepted
            ? FileResult.Accepted(fileName, IngestResponses.Body(result, request))
            : new FileResult(fileName, result.Slug, null, null, IngestResponses.Problem(result).ProblemDetails);
    }

    private static bool TryParseFlag(string text, out bool value)
    {
        value = false;
        return text.Length == 0 || bool.TryParse(text, out value);
    }

    /// <summary>The answer to a multipart upload.</summary>
    public sealed record MultipartResults(IReadOnlyList<FileResult> Files);

    /// <summary>One file's outcome: accepted (slug, status, statusUrl) or refused (problem).</summary>
    public sealed record FileResult(string FileName, string? Slug, string? Status, string? StatusUrl, ProblemDetails? Problem)
    {
        public static FileResult Accepted(string fileName, UploadAccepted accepted) =>
            new(fileName, accepted.Slug, accepted.Status, accepted.StatusUrl, null);
    }
}
