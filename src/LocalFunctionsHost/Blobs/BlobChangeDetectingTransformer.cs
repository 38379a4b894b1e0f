using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// Forwards a Blob service request byte for byte and, once storage has answered, tells the listener about any blob it changed.
/// </summary>
internal sealed partial class BlobChangeDetectingTransformer : HttpTransformer
{
    private readonly IBlobChangeListener _listener;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    /// <param name="stopping">Ends listener calls when the proxy stops; a writer hanging up does not, since its change is made.</param>
    public BlobChangeDetectingTransformer(IBlobChangeListener listener, ILogger logger, CancellationToken stopping)
    {
        _listener = listener;
        _logger = logger;
        _stopping = stopping;
    }

    // The base copies every header, Host included (Empty, not Default: no X-Forwarded-*), so storage sees the request as sent.
    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

        // Shared Key signs the path as the client encoded it, and Azurite checks it as received. Rebuilding the path from
        // Kestrel's decoded one re-encodes it YARP's way ("%21" becomes "!"), which breaks the signature; the raw target does not.
        if (RawTarget(httpContext) is { } rawTarget)
        {
            proxyRequest.RequestUri = new Uri(
                destinationPrefix.TrimEnd('/') + rawTarget,
                new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        }
    }

    // Runs when storage's status and headers are in, before they go on to the client: so the change is announced
    // before the writer can see its write succeed, and changes from one writer are announced in the order it made them.
    public override async ValueTask<bool> TransformResponseAsync(
        HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var forward = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is null)
        {
            return forward;
        }

        var rawPath = RawPath(httpContext);
        var change = BlobChangeClassifier.Classify(
            httpContext.Request, rawPath, (int)proxyResponse.StatusCode, name => ResponseHeader(proxyResponse, name), out var pendingCopy);
        if (pendingCopy)
        {
            LogPendingCopy(_logger, rawPath);
        }

        if (change is not null)
        {
            LogBlobChanged(_logger, change.Kind, change.ContainerName, change.BlobName, change.Operation);
            try
            {
                await _listener.OnBlobChangedAsync(change, _stopping);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                LogListenerFailed(_logger, exception, change.ContainerName, change.BlobName);
            }
        }

        return forward;
    }

    private static string? RawTarget(HttpContext httpContext) =>
        httpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } rawTarget && rawTarget[0] == '/'
            ? rawTarget
            : null;

    private static string RawPath(HttpContext httpContext) =>
        RawTarget(httpContext) is { } rawTarget
            ? rawTarget.Split('?', 2)[0]
            : (httpContext.Request.PathBase + httpContext.Request.Path).ToUriComponent();

    private static string? ResponseHeader(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values)
            || (response.Content is not null && response.Content.Headers.NonValidated.TryGetValues(name, out values))
            ? values.ToString()
            : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Blob {Kind}: {Container}/{Blob} ({Operation})")]
    private static partial void LogBlobChanged(ILogger logger, BlobChangeKind kind, string container, string blob, BlobOperation operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copy to {Path} is still pending at storage; no event is raised for it, as its end is not observed")]
    private static partial void LogPendingCopy(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The blob change listener failed on {Container}/{Blob}; the write itself stands")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string container, string blob);
}
