using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// HTTP/1.1 over a bare socket, for what <see cref="HttpClient"/> will not send or cannot observe: paths it would
/// normalise, header floods, broken framing, and answers that arrive while the body is still being sent (HttpClient
/// shows a response only after the whole request body is out).
/// </summary>
internal static class RawHttp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, without the blank line that ends them) to
    /// <paramref name="origin"/>, then the body <paramref name="writeBody"/> writes, while reading the answer at the
    /// same time. Once the whole answer is in, the body is abandoned; <see cref="RawResponse.BodyBytesSent"/> says
    /// how much of it had gone out.
    /// </summary>
    public static async Task<RawResponse> SendAsync(Uri origin, string head, Func<Stream, CancellationToken, Task>? writeBody = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(head);
        using var timeout = new CancellationTokenSource(Timeout);
        using var socket = new TcpClient();
        await socket.ConnectAsync(origin.Host, origin.Port, timeout.Token);
        var network = socket.GetStream();
        var counted = new CountingStream(network);
        await network.WriteAsync(Encoding.Latin1.GetBytes(head.TrimEnd('\r', '\n') + "\r\n\r\n"), timeout.Token);

        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var writing = writeBody is null ? Task.CompletedTask : Task.Run(() => writeBody(counted, stopWriting.Token), CancellationToken.None);
        RawResponse response;
        try
        {
            response = await ReadResponseAsync(network, timeout.Token);
        }
        finally
        {
            await stopWriting.CancelAsync();
            // The server may close or reset the connection once it has answered; the writer's fate does not matter.
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return response with { BodyBytesSent = counted.Written };
    }

    /// <summary>Writes <paramref name="length"/> bytes of <paramref name="fill"/> from one small buffer; the body is never in memory.</summary>
    public static async Task WriteGeneratedAsync(Stream destination, long length, byte fill, bool chunked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var buffer = new byte[64 * 1024];
        Array.Fill(buffer, fill);
        for (var sent = 0L; sent < length;)
        {
            var size = (int)Math.Min(buffer.Length, length - sent);
            if (chunked)
            {
                await destination.WriteAsync(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
            }

            await destination.WriteAsync(buffer.AsMemory(0, size), cancellationToken);
            if (chunked)
            {
                await destination.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            }

            sent += size;
        }

        if (chunked)
        {
            await destination.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
        }
    }

    private static async Task<RawResponse> ReadResponseAsync(Stream network, CancellationToken cancellationToken)
    {
        var reader = new BufferedReader(network);
        var statusLine = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("The connection closed before an answer.");
        var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        byte[] body;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body = await reader.ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var chunks = new MemoryStream();
            while (int.Parse((await reader.ReadLineAsync(cancellationToken))!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var size and > 0)
            {
                chunks.Write(await reader.ReadExactlyAsync(size, cancellationToken));
                await reader.ReadLineAsync(cancellationToken);
            }

            body = chunks.ToArray();
        }
        else
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        return new RawResponse(status, headers, Encoding.UTF8.GetString(body), 0);
    }

    /// <summary>Reads lines and byte counts off a stream through one buffer.</summary>
    private sealed class BufferedReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return line.Length == 0 ? null : Encoding.Latin1.GetString(line.ToArray());
                }

                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline < 0)
                {
                    line.Write(_buffer, _start, _end - _start);
                    _start = _end;
                    continue;
                }

                line.Write(_buffer, _start, newline - _start);
                _start = newline + 1;
                return Encoding.Latin1.GetString(line.ToArray()).TrimEnd('\r');
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            for (var done = 0; done < count;)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    throw new IOException($"The connection closed after {done} of {count} bytes.");
                }

                var take = Math.Min(count - done, _end - _start);
                Array.Copy(_buffer, _start, result, done, take);
                _start += take;
                done += take;
            }

            return result;
        }

        public async Task<byte[]> ReadToEndAsync(CancellationToken cancellationToken)
        {
            var result = new MemoryStream();
            do
            {
                result.Write(_buffer, _start, _end - _start);
                _start = _end;
            }
            while (await FillAsync(cancellationToken));

            return result.ToArray();
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }

    /// <summary>Counts what goes out through it.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        private long _written;

        public long Written => Interlocked.Read(ref _written);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Interlocked.Add(ref _written, buffer.Length);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
