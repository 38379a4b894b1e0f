using ContentPipeline.Core.Slugs;
using ContentPipeline.Core.Views;
using ContentPipeline.Storage.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ContentPipeline.Functions.Views;

/// <summary>What the view endpoints share: reading the request's verdict and answering uncacheably.</summary>
internal static class ViewResponses
{
    // A transparent 1×1 GIF89a: header, logical screen 1×1 with a 2-colour table, a graphic control extension
    // marking colour 0 transparent, one 1×1 image, trailer.
    private static readonly byte[] TransparentPixel = Convert.FromHexString(
        "47494638396101000100800000000000FFFFFF21F90401000000002C00000000010001000002024401003B");

    /// <summary>Whether <paramref name="request"/> is a view (see <see cref="ViewPolicy"/>).</summary>
    public static ViewVerdict Judge(HttpRequest request)
    {
        var headers = request.Headers;
        var purpose = headers["Purpose"].ToString() is { Length: > 0 } value ? value : headers["X-Moz"].ToString();
        return ViewPolicy.Judge(request.Method, headers["Sec-Purpose"].ToString(), purpose, headers.UserAgent.ToString());
    }

    /// <summary>
    /// Counts the view if <paramref name="request"/> is one, else only reads the count. The total is null when the
    /// article is not published.
    /// </summary>
    public static async Task<(long? Total, bool Counted)> CountIfViewAsync(ViewCounter views, HttpRequest request, Slug slug, CancellationToken cancellationToken)
    {
        var counted = Judge(request) == ViewVerdict.Counted;
        var total = counted ? await views.CountAsync(slug, cancellationToken) : await views.ReadAsync(slug, cancellationToken);
        return (total, counted);
    }

    /// <summary>Counts must never come from a cache: each answer is for one page load.</summary>
    public static void NoStore(HttpContext context) => context.Response.Headers[HeaderNames.CacheControl] = "no-store";

    /// <summary>The counting pixel.</summary>
    public static IResult Pixel(HttpContext context)
    {
        NoStore(context);
        return TypedResults.Bytes(TransparentPixel, "image/gif");
    }
}

/// <summary>An article's number of views; <c>counted</c> says whether this request added one.</summary>
public sealed record ViewCountResource(string Slug, long Views, bool? Counted = null);
