using System.Net;
using System.Text;

namespace ContentPipeline.Benchmarks.Memory;

/// <summary>
/// A large Markdown request body made up as it is sent, 64 KiB at a time, so that sending 100 MB costs this process
/// nothing; with or without a Content-Length (chunked), since a server may refuse the first at once and must stream the second.
/// </summary>
internal sealed class GeneratedBody : HttpContent
{
    private static readonly byte[] Chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n", 1150)))[..65536];

    private readonly long length;
    private readonly bool announceLength;

    public GeneratedBody(long length, bool announceLength)
    {
        this.length = length;
        this.announceLength = announceLength;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/markdown") { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        for (var sent = 0L; sent < length; sent += Chunk.Length)
        {
            await stream.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(Chunk.Length, length - sent)), cancellationToken);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = this.length;
        return announceLength;
    }
}
