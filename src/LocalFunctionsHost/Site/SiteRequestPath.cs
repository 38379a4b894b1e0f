using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LocalFunctionsHost.Site;

/// <summary>
/// Turns a request's path into the blob path it names, percent-decoded exactly once, as Azure does.
/// </summary>
internal static class SiteRequestPath
{
    /// <summary>
    /// The blob path below the request's path base, without a leading slash: empty for the root, ending in a slash for a folder.
    /// </summary>
    /// <returns><see langword="false"/> if the path has a "." or ".." segment, which could step out of the container.</returns>
    public static bool TryGetBlobPath(HttpContext context, out string blobPath)
    {
        ArgumentNullException.ThrowIfNull(context);

        var decoded = Uri.UnescapeDataString(RawPathBelowPathBase(context))
            // Azure Storage reads a backslash in a blob name as a slash.
            .Replace('\\', '/');
        foreach (var segment in decoded.Split('/'))
        {
            if (segment is "." or "..")
            {
                blobPath = string.Empty;
                return false;
            }
        }

        blobPath = decoded;
        return true;
    }

    // Kestrel's Request.Path decodes everything but %2F, so "a%252Fb" and "a%2Fb" look alike there; the raw target
    // keeps them apart. Request.Path also resolves dot segments, which the raw target keeps so they can be refused.
    private static string RawPathBelowPathBase(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var rawPath = rawTarget is { Length: > 0 } && rawTarget[0] == '/'
            ? rawTarget.Split('?', 2)[0]
            : (request.PathBase + request.Path).ToUriComponent();

        // Path base segments never hold an encoded slash, so counting them finds where the rest starts in the raw path.
        var pathBaseSegments = request.PathBase.HasValue ? request.PathBase.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Length : 0;
        var rest = rawPath.TrimStart('/');
        for (var skipped = 0; skipped < pathBaseSegments && rest.Length > 0; skipped++)
        {
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            rest = slash < 0 ? string.Empty : rest[(slash + 1)..];
        }

        return rest;
    }
}
