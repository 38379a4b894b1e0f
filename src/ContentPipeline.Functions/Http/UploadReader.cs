using System.Buffers;
using ContentPipeline.Core;
using ContentPipeline.Core.Articles;
using ContentPipeline.Storage.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ContentPipeline.Functions.Http;

/// <summary>
/// Reads uploads off the wire: checks media type and charset, and reads bodies in chunks so that a body over
/// the size limit is refused as soon as the limit is passed, without buffering the rest.
/// </summary>
public sealed class UploadReader(ContentPipelineOptions options)
{
    /// <summary>Most files one multipart request may carry.</summary>
    public const int MaxFilesPerRequest = 100;

    private const int ChunkSize = 16 * 1024;

    /// <summary>Reads a single-file body.</summary>
    public async Task<UploadRead> ReadBodyAsync(HttpRequest request, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryFormat(request.ContentType, out var format))
        {
            return UploadRead.Refused(Problems.UnsupportedMediaType(request.ContentType, multipartAllowed: false));
        }

        if (request.ContentLength > options.MaxUploadBytes)
        {
            return UploadRead.Refused(Problems.TooLarge(options.MaxUploadBytes));
        }

        LiftServerBodyLimit(request);
        byte[]? content;
        try
        {
            content = await ReadLimitedAsync(request.Body, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            return UploadRead.Refused(Problems.UnreadableBody(ex.Message));
        }

        if (content is null)
        {
            return UploadRead.Refused(Problems.TooLarge(options.MaxUploadBytes));
        }

        return content.Length == 0
            ? UploadRead.Refused(Problems.EmptyBody())
            : UploadRead.Accepted(new ArticleUpload(content, format, fileName));
    }

    /// <summary>True when the request carries multipart/form-data.</summary>
    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request?.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the file parts of a multipart/form-data body one at a time, handing each to <paramref name="onPart"/>
    /// before reading the next, so only one file is held in memory. Returns a problem about the body as a whole
    /// (bad boundary, malformed, too many parts, no parts), or null; parts handled before such a problem stay handled.
    /// </summary>
    public async Task<ProblemHttpResult?> ReadMultipartAsync(HttpRequest request, Func<string, UploadRead, Task> onPart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onPart);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Problems.BadMultipart("The multipart/form-data Content-Type needs a boundary parameter of 1 to 200 characters.");
        }

        // No BodyLengthLimit on the reader: once a part passed it, every later read of that part throws, draining
        // included, so the parts after it could never be reached. ReadSectionAsync enforces the limit per part instead.
        LiftServerBodyLimit(request);
        var reader = new MultipartReader(boundary, request.Body);
        var index = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (++index > MaxFilesPerRequest)
                {
                    return Problems.BadMultipart($"A request may carry at most {MaxFilesPerRequest} files; the first {MaxFilesPerRequest} were handled, send the rest in another request.");
                }

                var fileName = FileNameOf(section) ?? $"part-{index}";
                await onPart(fileName, await ReadSectionAsync(section, fileName, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException ex)
        {
            return Problems.BadMultipart($"The multipart body is malformed ({ex.Message}); check the boundary and part headers.");
        }
        catch (IOException ex) when (ex.InnerException is null)
        {
            return Problems.BadMultipart($"The multipart body ended early ({ex.Message}).");
        }

        return index == 0 ? Problems.BadMultipart("The multipart body has no parts; add one part per file.") : null;
    }

    private async Task<UploadRead> ReadSectionAsync(MultipartSection section, string fileName, CancellationToken cancellationToken)
    {
        // A part's own type wins; browsers send application/octet-stream for .md files, so fall back to the extension.
        var known = TryFormat(section.ContentType, out var format)
            || (IsGenericType(section.ContentType) && ArticleFormats.TryFromFileName(fileName, out format));
        if (!known)
        {
            return UploadRead.Refused(Problems.UnsupportedMediaType(section.ContentType ?? Path.GetExtension(fileName), multipartAllowed: false));
        }

        var content = await ReadLimitedAsync(section.Body, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            // Skip the rest of the part unbuffered, so the parts after it are still read.
            await section.Body.DrainAsync(cancellationToken).ConfigureAwait(false);
            return UploadRead.Refused(Problems.TooLarge(options.MaxUploadBytes));
        }

        return content.Length == 0 ? UploadRead.Refused(Problems.EmptyBody()) : UploadRead.Accepted(new ArticleUpload(content, format, fileName));
    }

    /// <summary>
    /// Kestrel's own limit (30,000,000 bytes unless the server sets another) would cut a multipart body of many
    /// allowed files short, cap <see cref="ContentPipelineOptions.MaxUploadBytes"/>, and close the connection while
    /// discarding the rest of a body this reader already refused, so the 413 would never reach the caller. The reader
    /// enforces the limit per file as it streams, and the Functions host in front limits the whole request
    /// (100 MB), so the worker's server need not.
    /// </summary>
    private static void LiftServerBodyLimit(HttpRequest request)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
    }

    private static string? FileNameOf(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value is { Length: > 0 } name
                ? Path.GetFileName(name)
                : null
            : null;

    private static bool IsGenericType(string? contentType) =>
        string.IsNullOrEmpty(contentType) || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase);

    private static bool TryFormat(string? contentType, out ArticleFormat format)
    {
        format = default;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || !ArticleFormats.TryFromMediaType(type.MediaType.Value, out format))
        {
            return false;
        }

        var charset = HeaderUtilities.RemoveQuotes(type.Charset).Value;
        return string.IsNullOrEmpty(charset)
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads at most the limit; null when the stream holds more.</summary>
    private async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkSize);
        while (true)
        {
            var memory = buffer.GetMemory(ChunkSize);
            var read = await body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > options.MaxUploadBytes)
            {
                return null;
            }
        }
    }
}
