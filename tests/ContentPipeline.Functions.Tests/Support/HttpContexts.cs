using System.Text;
using Microsoft.AspNetCore.Http;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>Makes the <see cref="HttpContext"/> the ASP.NET Core integration hands an HTTP-triggered function.</summary>
public static class HttpContexts
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// A request with <paramref name="method"/>, <paramref name="path"/>, an optional query (without '?'), body and
    /// Content-Type; the response body is a memory stream so the result written to it can be read back.
    /// </summary>
    public static DefaultHttpContext Create(
        PipelineHost host,
        string method,
        string path,
        string query = "",
        byte[]? body = null,
        string? contentType = null,
        bool declareLength = true)
    {
        ArgumentNullException.ThrowIfNull(host);
        var http = new DefaultHttpContext { RequestServices = host.Services };
        http.Request.Method = method;
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("functions.example.test");
        http.Request.Path = path;
        http.Request.QueryString = query.Length == 0 ? QueryString.Empty : new QueryString("?" + query);
        http.Request.ContentType = contentType;
        if (body is not null)
        {
            http.Request.Body = new MemoryStream(body, writable: false);
            // A chunked request has no Content-Length: only the body's own length can give it away.
            http.Request.ContentLength = declareLength ? body.Length : null;
        }

        http.Response.Body = new MemoryStream();
        return http;
    }
}
