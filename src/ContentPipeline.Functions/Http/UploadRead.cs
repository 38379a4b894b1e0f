using System.Diagnostics.CodeAnalysis;
using ContentPipeline.Storage.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentPipeline.Functions.Http;

/// <summary>Either an upload read off the wire, or the problem that refused it.</summary>
public sealed class UploadRead
{
    private UploadRead(ArticleUpload? upload, ProblemHttpResult? problem) => (Upload, Problem) = (upload, problem);

    public ArticleUpload? Upload { get; }

    public ProblemHttpResult? Problem { get; }

    [MemberNotNullWhen(true, nameof(Upload))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsAccepted => Upload is not null;

    public static UploadRead Accepted(ArticleUpload upload) => new(upload, null);

    public static UploadRead Refused(ProblemHttpResult problem) => new(null, problem);
}
