using System.Net.Sockets;
using Microsoft.Net.Http.Headers;

namespace LocalFunctionsHost.Http;

/// <summary>
/// Forwards a request to the worker's ASP.NET Core endpoint and relays the answer, streaming both bodies (see
/// <see cref="ForwardedRequestBody"/> for how an answer that comes before the whole body is kept).
/// Like the real host's proxy it retries refused connections briefly, because the worker announces its HTTP
/// address before its Kestrel necessarily listens.
/// </summary>
internal sealed class WorkerHttpForwarder(HttpMessageInvoker client)
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private const int MaxConnectAttempts = 10;

    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.TransferEncoding, HeaderNames.TE, HeaderNames.Trailer,
        HeaderNames.Upgrade, HeaderNames.ProxyAuthenticate, HeaderNames.ProxyAuthorization, "Proxy-Connection", HeaderNames.Host,
    };

    /// <summary>A client made for forwarding: no proxy, no redirects, no decompression, no cookies.</summary>
    public static HttpMessageInvoker CreateClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        EnableMultipleHttp2Connections = true,
    });

    /// <summary>
    /// Forwards the request of <paramref name="invocation"/>. Throws <see cref="BadHttpRequestException"/> when the
    /// client's own body could not be read (over the host's limit, malformed, cut off), so the caller can answer that
    /// instead of blaming the worker.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpContext context, Uri workerUri, string invocationId, Task invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; ; attempt++)
        {
            using var message = CreateMessage(context, workerUri, invocationId, invocation);
            try
            {
                return await client.SendAsync(message, cancellationToken);
            }
            catch (HttpRequestException) when ((message.Content as ForwardedRequestBody)?.ClientError is { } clientError)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(clientError);
                throw;
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && attempt < MaxConnectAttempts)
            {
                // Nothing was sent (the connection was refused), so the body is still unread and can go again.
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
            }
        }
    }

    public static async Task CopyResponseAsync(HttpResponseMessage upstream, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = (int)upstream.StatusCode;
        foreach (var header in upstream.Headers.Concat(upstream.Content.Headers))
        {
            if (!HopByHopHeaders.Contains(header.Key))
            {
                response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await using var body = await upstream.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(response.Body, cancellationToken);
    }

    private static HttpRequestMessage CreateMessage(HttpContext context, Uri workerUri, string invocationId, Task invocation)
    {
        var request = context.Request;
        var target = new Uri(workerUri, string.Concat(request.PathBase.ToUriComponent(), request.Path.ToUriComponent(), request.QueryString.ToUriComponent()));
        var message = new HttpRequestMessage(new HttpMethod(request.Method), target) { Version = System.Net.HttpVersion.Version11 };
        if (HasBody(request))
        {
            message.Content = new ForwardedRequestBody(request.Body, chunked: request.ContentLength is null, invocation);

            // The worker's server sends 100 Continue when the function starts reading; a function that answers
            // without reading (a refusal by Content-Length or media type) gets none of the body sent.
            message.Headers.ExpectContinue = true;
        }

        foreach (var header in request.Headers)
        {
            // Expect is the host's own business with the client; the worker gets the host's.
            if (HopByHopHeaders.Contains(header.Key) || string.Equals(header.Key, HeaderNames.Expect, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
            }
        }

        message.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        message.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        if (context.Connection.RemoteIpAddress is { } remote)
        {
            message.Headers.TryAddWithoutValidation("X-Forwarded-For", remote.ToString());
        }

        return message;
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
