using ContentPipeline.Core.Slugs;
using ContentPipeline.Functions.Http;
using ContentPipeline.Storage.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Functions.Articles;

/// <summary><c>PUT /api/articles/{slug}</c>: creates or replaces an article from the body.</summary>
public sealed class UploadArticle(UploadReader reader, ArticleIngestor ingestor)
{
    [Function(nameof(UploadArticle))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "articles/{slug}")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Slug.TryParse(slug, out var valid, out var problem))
        {
            return Problems.InvalidSlug(problem);
        }

        var read = await reader.ReadBodyAsync(request, valid.Value, cancellationToken);
        if (!read.IsAccepted)
        {
            return read.Problem;
        }

        var result = await ingestor.IngestAsync(read.Upload, valid, overwrite: true, cancellationToken);
        return IngestResponses.ToHttp(result, request);
    }
}
