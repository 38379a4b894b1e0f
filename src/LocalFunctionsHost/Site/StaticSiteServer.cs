using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace LocalFunctionsHost.Site;

/// <summary>
/// Serves a blob container over HTTP the way an Azure Storage static website (or a CDN in front of one) does:
/// GET and HEAD only, the index document for folders, the error document with status 404, the blob's own headers,
/// conditional requests, and bodies streamed from storage as they arrive.
/// </summary>
/// <remarks>
/// It serves the request path below the request's path base. A path without a trailing slash that names no blob
/// gets that folder's index document with status 200 and no redirect, as Azure does
/// (https://blog.brianbeach.com/posts/2020-01-08-cloud-storage-trailing-slashes: "Azure just returns the index.html").
/// </remarks>
public sealed partial class StaticSiteServer
{
    /// <summary>Azure's own words when a site has no error document.</summary>
    internal const string DefaultNotFoundText = "The requested content does not exist.";

    private readonly BlobContainerClient _container;
    private readonly StaticSiteOptions _options;
    private readonly ILogger<StaticSiteServer> _logger;

    public StaticSiteServer(BlobContainerClient container, StaticSiteOptions options, ILogger<StaticSiteServer> logger)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.IndexDocument, nameof(options));

        _container = container;
        _options = options;
        _logger = logger;
    }

    /// <summary>Answers one request; it has the shape of a <see cref="RequestDelegate"/>.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        if (!SiteRequestPath.TryGetBlobPath(context, out var path))
        {
            LogRefusedPath(_logger, request.Path);
            await WriteTextAsync(context, StatusCodes.Status400BadRequest, "The path steps out of the site.");
            return;
        }

        foreach (var blobName in CandidateBlobNames(path))
        {
            if (await TryServeBlobAsync(context, blobName, StatusCodes.Status200OK))
            {
                return;
            }
        }

        LogNotFound(_logger, path);
        if (_options.ErrorDocument404Path is { Length: > 0 } errorDocument
            && await TryServeBlobAsync(context, errorDocument.TrimStart('/'), StatusCodes.Status404NotFound))
        {
            return;
        }

        await WriteTextAsync(context, StatusCodes.Status404NotFound, DefaultNotFoundText);
    }

    private IEnumerable<string> CandidateBlobNames(string path)
    {
        if (path.Length == 0 || path.EndsWith('/'))
        {
            yield return path + _options.IndexDocument;
            yield break;
        }

        yield return path;
        yield return path + "/" + _options.IndexDocument;
    }

    // False when there is no such blob (or no container), so the caller can try the next candidate.
    private async Task<bool> TryServeBlobAsync(HttpContext context, string blobName, int statusCode)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        var blob = _container.GetBlobClient(blobName);
        var conditional = statusCode == StatusCodes.Status200OK
            && (request.Headers.IfNoneMatch.Count > 0 || request.Headers.IfModifiedSince.Count > 0);

        // A HEAD, or a GET that may end in 304, needs the properties only; the body is fetched once it is known to be wanted.
        if (HttpMethods.IsHead(request.Method) || conditional)
        {
            SiteBlobHeaders headers;
            try
            {
                headers = SiteBlobHeaders.From((await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value);
            }
            catch (RequestFailedException exception) when (exception.Status == StatusCodes.Status404NotFound)
            {
                return false;
            }

            if (conditional && IsNotModified(request, headers))
            {
                WriteNotModified(context.Response, headers);
                return true;
            }

            if (HttpMethods.IsHead(request.Method))
            {
                WriteHeaders(context.Response, statusCode, headers);
                return true;
            }
        }

        Response<Azure.Storage.Blobs.Models.BlobDownloadStreamingResult> download;
        try
        {
            download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        using var result = download.Value;
        WriteHeaders(context.Response, statusCode, SiteBlobHeaders.From(result.Details));
        await result.Content.CopyToAsync(context.Response.Body, cancellationToken);
        return true;
    }

    // RFC 9110 §13.1.2–3: If-None-Match (weak comparison) decides when present; If-Modified-Since only without it.
    private static bool IsNotModified(HttpRequest request, SiteBlobHeaders headers)
    {
        var requestHeaders = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            var current = new EntityTagHeaderValue(headers.ETag.ToString("H"));
            foreach (var tag in requestHeaders.IfNoneMatch)
            {
                if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false))
                {
                    return true;
                }
            }

            return false;
        }

        // HTTP dates have whole seconds; the blob's time has more, and must not count as newer for that.
        var lastModified = headers.LastModified.AddTicks(-(headers.LastModified.Ticks % TimeSpan.TicksPerSecond));
        return requestHeaders.IfModifiedSince is { } since && lastModified <= since;
    }

    private static void WriteHeaders(HttpResponse response, int statusCode, SiteBlobHeaders headers)
    {
        response.StatusCode = statusCode;
        response.ContentType = headers.ContentType ?? "application/octet-stream";
        response.ContentLength = headers.ContentLength;
        SetIfPresent(response, HeaderNames.ContentEncoding, headers.ContentEncoding);
        SetIfPresent(response, HeaderNames.ContentLanguage, headers.ContentLanguage);
        SetIfPresent(response, HeaderNames.ContentDisposition, headers.ContentDisposition);
        if (headers.ContentHash is { Length: > 0 } hash)
        {
            response.Headers.ContentMD5 = Convert.ToBase64String(hash);
        }

        WriteValidators(response, headers);
    }

    private static void WriteNotModified(HttpResponse response, SiteBlobHeaders headers)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        WriteValidators(response, headers);
    }

    private static void WriteValidators(HttpResponse response, SiteBlobHeaders headers)
    {
        response.Headers.ETag = headers.ETag.ToString("H");
        response.Headers.LastModified = headers.LastModified.ToString("R", CultureInfo.InvariantCulture);
        SetIfPresent(response, HeaderNames.CacheControl, headers.CacheControl);
    }

    private static void SetIfPresent(HttpResponse response, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            response.Headers[name] = value;
        }
    }

    private static async Task WriteTextAsync(HttpContext context, int statusCode, string text)
    {
        var response = context.Response;
        var body = System.Text.Encoding.UTF8.GetBytes(text);
        response.StatusCode = statusCode;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Static site: refused path {Path}, which steps out of the container")]
    private static partial void LogRefusedPath(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Static site: nothing at {BlobPath}; answering 404")]
    private static partial void LogNotFound(ILogger logger, string blobPath);
}
