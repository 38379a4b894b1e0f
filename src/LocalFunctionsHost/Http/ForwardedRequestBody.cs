using System.Buffers;
using System.Net;

namespace LocalFunctionsHost.Http;

/// <summary>
/// The client's request body, streamed to the worker a buffer at a time and never held whole.
/// </summary>
/// <remarks>
/// A function may answer before it has read the whole body (a 413 for an upload over its limit). Over HTTP/1.1,
/// <see cref="HttpClient"/> hands out a response only once the request body is sent, and the worker closes the
/// connection soon after answering, so forwarding the rest would lose the answer and read the whole body for nothing.
/// A chunked body therefore ends as soon as the invocation has ended: the worker has answered, and the client's
/// remaining bytes are left unread. A body with a Content-Length must be sent whole; the forwarder asks the worker
/// for <c>100-continue</c> first, so a function that refuses by the declared length gets nothing sent at all.
/// </remarks>
internal sealed class ForwardedRequestBody(Stream source, bool chunked, Task invocation) : HttpContent
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Why reading the client's body failed (over the host's limit, malformed, cut off), once it has.</summary>
    public BadHttpRequestException? ClientError { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (!(chunked && invocation.IsCompleted))
            {
                var reading = source.ReadAsync(buffer.AsMemory(0, BufferSize), stop.Token).AsTask();

                // A client that stalls mid-body must not hold back a finished invocation's answer.
                if (chunked && await Task.WhenAny(reading, invocation) != reading)
                {
                    await stop.CancelAsync();
                }

                int read;
                try
                {
                    read = await reading;
                }
                catch (OperationCanceledException) when (chunked && invocation.IsCompleted && !cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (BadHttpRequestException ex)
                {
                    ClientError = ex;
                    throw;
                }

                if (read == 0)
                {
                    return;
                }

                // Writes are not cut short: a chunk half written would leave the worker's connection unreadable.
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The Content-Length header, when the client sent one, is copied with the other headers.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
