using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// Hostile and broken HTTP against the content pipeline through the real host and worker: every answer is a 4xx
/// (a problem+json with a detail where anyone but Kestrel answers), never a 500, and the host keeps serving.
/// Requests go over a bare socket (<see cref="RawHttp"/>) where HttpClient would tidy them up or could not see an
/// answer that comes before the whole body is sent.
/// </summary>
public sealed class HostileHttpEndToEndTests : IClassFixture<ContentPipelineHostFixture>, IDisposable
{
    private const long Gibibyte = 1L << 30;
    private const long WorkerMemoryBound = 64L << 20;

    // The test process also runs the host and whatever other tests run meanwhile, so its bound is loose; a buffered
    // gibibyte would still pass it by far.
    private const long HostMemoryBound = 256L << 20;

    private readonly ContentPipelineHostFixture _fixture;
    private readonly ITestOutputHelper _output;

    public HostileHttpEndToEndTests(ContentPipelineHostFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        fixture.Log.WriteTo(output);
    }

    private EndToEndHost Host => _fixture.Host;

    private Uri Origin => Host.Host.ApiUri;

    public void Dispose() => _fixture.Log.WriteTo(null);

    // Declared over the host's 100 MB: the host refuses before the function runs. Declared over the app's 1 MiB:
    // the function refuses by the header, and the host, having asked the worker for 100-continue, forwards nothing.
    // Chunked: the function refuses after 1 MiB and the host stops forwarding as soon as it has answered.
    [Theory]
    [InlineData("1 GiB, Content-Length", Gibibyte, false, "host's limit of 104,857,600 bytes")]
    [InlineData("1 GiB, chunked", Gibibyte, true, "limit of 1,048,576 bytes")]
    [InlineData("50 MB, Content-Length", 50_000_000L, false, "limit of 1,048,576 bytes")]
    public async Task An_oversized_upload_is_refused_with_413_while_it_streams_and_memory_stays_flat(string what, long size, bool chunked, string limit)
    {
        var slug = UniqueSlug("big");
        var framing = chunked ? "Transfer-Encoding: chunked" : string.Create(CultureInfo.InvariantCulture, $"Content-Length: {size}");
        var workerMemory = new PeakWorkingSet(Host.Host.Worker.ProcessId ?? throw new InvalidOperationException("No worker is running."));
        var hostMemory = new PeakWorkingSet(Environment.ProcessId);

        var stopwatch = Stopwatch.StartNew();
        var response = await RawHttp.SendAsync(Origin, Head("PUT", $"/api/articles/{slug}", "Content-Type: text/markdown", framing), (body, ct) => RawHttp.WriteGeneratedAsync(body, size, (byte)'x', chunked, ct));
        var elapsed = stopwatch.Elapsed;
        await workerMemory.DisposeAsync();
        await hostMemory.DisposeAsync();
        _output.WriteLine($"{what}: {response.Status} after {elapsed.TotalMilliseconds:F0} ms with {response.BodyBytesSent:N0} body bytes sent; worker {workerMemory}; test process (host) {hostMemory}");

        Assert.Equal(413, response.Status);
        Assert.Contains(limit, response.ProblemDetail(), StringComparison.Ordinal);
        if (size == Gibibyte)
        {
            Assert.True(response.BodyBytesSent < size / 4, $"The answer came only after {response.BodyBytesSent:N0} of {size:N0} bytes.");
        }

        Assert.True(workerMemory.Growth < WorkerMemoryBound, $"Worker: {workerMemory}");
        Assert.True(hostMemory.Growth < HostMemoryBound, $"Test process: {hostMemory}");
        await AssertNothingStoredAndStillServingAsync(slug);
    }

    [Fact]
    public async Task A_multipart_upload_of_a_gibibyte_file_is_cut_off_at_the_host_limit_with_413()
    {
        const string Boundary = "hostile-boundary";
        var workerMemory = new PeakWorkingSet(Host.Host.Worker.ProcessId ?? throw new InvalidOperationException("No worker is running."));
        var partHead = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.md\"\r\nContent-Type: text/markdown\r\n\r\n");

        var response = await RawHttp.SendAsync(
            Origin,
            Head("POST", "/api/articles", $"Content-Type: multipart/form-data; boundary={Boundary}", "Transfer-Encoding: chunked"),
            async (body, ct) =>
            {
                await body.WriteAsync(Encoding.ASCII.GetBytes($"{partHead.Length:x}\r\n"), ct);
                await body.WriteAsync(partHead, ct);
                await body.WriteAsync("\r\n"u8.ToArray(), ct);
                await RawHttp.WriteGeneratedAsync(body, Gibibyte, (byte)'x', chunked: true, ct);
            });
        await workerMemory.DisposeAsync();
        _output.WriteLine($"{response.Status} with {response.BodyBytesSent:N0} body bytes sent; worker {workerMemory}");

        // The app refuses the file after 1 MiB and skips the rest of it unbuffered to reach any later part; the
        // host stops the request at its own limit.
        Assert.Equal(413, response.Status);
        Assert.Contains("host's limit", response.ProblemDetail(), StringComparison.Ordinal);
        Assert.True(response.BodyBytesSent < Gibibyte / 4, $"The answer came only after {response.BodyBytesSent:N0} bytes.");
        Assert.True(workerMemory.Growth < WorkerMemoryBound, $"Worker: {workerMemory}");
        await AssertNothingStoredAndStillServingAsync("huge");
    }

    [Theory]
    [InlineData("1,000 headers", 1_000, 10, 431)]
    [InlineData("91 headers, one past the host's limit", 90, 10, 431)]
    [InlineData("one 64 KiB header", 1, 64 * 1024, 431)]
    [InlineData("one 20 KiB header, past the host's 16 KiB", 1, 20 * 1024, 431)]
    [InlineData("90 headers, the most the host takes", 89, 10, 200)]
    [InlineData("one 15 KiB header, within the limits", 1, 15 * 1024, 200)]
    public async Task Header_floods_are_refused_by_the_host_and_what_it_accepts_the_worker_accepts(string what, int count, int size, int expected)
    {
        var headers = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"X-Flood-{i}: {new string('v', size)}"));

        var stopwatch = Stopwatch.StartNew();
        var response = await RawHttp.SendAsync(Origin, Head("GET", "/api/articles?limit=1", [.. headers]));
        _output.WriteLine($"{what}: {response.Status} after {stopwatch.ElapsedMilliseconds} ms");

        // Before the host left room for the headers it adds, requests just under its limits passed it, were refused
        // by the worker's server, and hung 15 s before a 500.
        Assert.Equal(expected, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_request_line_over_the_limit_is_refused_with_414()
    {
        var response = await RawHttp.SendAsync(Origin, Head("GET", "/api/articles?continuation=" + new string('a', 20_000)));

        Assert.Equal(414, response.Status);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("PATCH", "/api/articles/some-slug", 405, "does not take PATCH")]
    [InlineData("POST", "/api/articles/some-slug", 405, "it takes DELETE, GET, PUT")]
    [InlineData("DELETE", "/api/articles", 405, "it takes GET, POST")]
    [InlineData("PUT", "/api/articles/", 405, "does not take PUT")]
    [InlineData("GET", "/api/articles/some-slug/extra", 404, "No function answers GET /api/articles/some-slug/extra")]
    [InlineData("PUT", "/api/articles/..", 404, "No function answers PUT /api/;")]
    [InlineData("PUT", "/api/articles/%2e%2e/%2e%2e/etc", 404, "No function answers PUT /etc;")]
    [InlineData("PUT", "/api/articles/a%2Fb", 400, "contains '%'")]
    [InlineData("PUT", "/api/articles/a%5Cb", 400, "contains '\\u005C'")]
    [InlineData("PUT", "/api/articles/%E2%80%AEevil", 400, "contains '\\u202E'")]
    [InlineData("PUT", "/api/articles/p%D0%B0ypal", 400, "contains '\\u0430'")]
    [InlineData("PUT", "/api/articles/%F0%9F%98%80", 400, "contains '\\uD83D\\uDE00'")]
    [InlineData("PUT", "/api/articles/con", 400, "device name Windows reserves")]
    public async Task Wrong_methods_paths_and_slugs_get_a_problem_that_says_what_to_fix(string method, string path, int expected, string detail)
    {
        var body = "# Title\n\nBody."u8.ToArray();

        var response = await RawHttp.SendAsync(
            Origin,
            Head(method, path, "Content-Type: text/markdown", string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}")),
            (stream, ct) => stream.WriteAsync(body, ct).AsTask());

        Assert.Equal(expected, response.Status);
        Assert.Contains(detail, response.ProblemDetail(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 415, "(none)")]
    [InlineData("application/json", 415, "application/json")]
    [InlineData("text/markdown; charset=utf-16", 415, "charset=utf-16")]
    [InlineData("multipart/form-data; boundary=x", 415, "multipart/form-data")]
    public async Task Put_with_a_missing_or_wrong_content_type_answers_415(string? contentType, int expected, string detail)
    {
        using var content = new ByteArrayContent("# Title\n\nBody."u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await Host.Api.PutAsync(new Uri($"api/articles/{UniqueSlug("typed")}", UriKind.Relative), content);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no boundary", "multipart/form-data", "--x\r\n\r\nbody\r\n--x--\r\n", "boundary parameter")]
    [InlineData("a boundary of 201 characters", "multipart/form-data; boundary=", "--x--\r\n", "boundary parameter")]
    [InlineData("a boundary the body never has", "multipart/form-data; boundary=abc", "", "malformed")]
    [InlineData("a body that ends inside a part", "multipart/form-data; boundary=abc", "--abc\r\nContent-Type: text/markdown\r\n\r\n# Cut", "ended early")]
    [InlineData("a part with 1,000 headers", "multipart/form-data; boundary=abc", "", "headers count limit")]
    [InlineData("no parts", "multipart/form-data; boundary=abc", "--abc--\r\n", "no parts")]
    public async Task Garbage_multipart_bodies_answer_400(string what, string contentType, string body, string detail)
    {
        var text = what switch
        {
            "a boundary of 201 characters" => body,
            "a boundary the body never has" => new string('y', 100_000),
            "a part with 1,000 headers" => "--abc\r\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"X-H{i}: v\r\n")) + "\r\nbody\r\n--abc--\r\n",
            _ => body,
        };
        var type = what == "a boundary of 201 characters" ? contentType + new string('b', 201) : contentType;
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", type);

        using var response = await Host.Api.PostAsync(new Uri("api/articles", UriKind.Relative), content);

        var problem = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 400, $"{what}: {(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a chunk size that is not hex", "Transfer-Encoding: chunked", "ZZZ\r\nhello\r\n0\r\n\r\n", 400)]
    [InlineData("a transfer coding that is not chunked", "Transfer-Encoding: gzip", "5\r\nhello\r\n0\r\n\r\n", 400)]
    [InlineData("a Content-Length that is no number", "Content-Length: abc", "hello", 400)]
    [InlineData("two Content-Lengths that disagree", "Content-Length: 5\r\nContent-Length: 6", "hello!", 400)]
    public async Task Broken_body_framing_is_refused_without_a_500(string what, string framing, string body, int expected)
    {
        var response = await RawHttp.SendAsync(
            Origin,
            Head("PUT", $"/api/articles/{UniqueSlug("framing")}", "Content-Type: text/markdown", framing),
            (stream, ct) => stream.WriteAsync(Encoding.ASCII.GetBytes(body), ct).AsTask());
        _output.WriteLine($"{what}: {response.Status} {response.Body}");

        Assert.Equal(expected, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_request_line_that_is_not_http_is_refused_with_400()
    {
        var response = await RawHttp.SendAsync(Origin, "HELLO WORLD");

        Assert.Equal(400, response.Status);
        await AssertStillServingAsync();
    }

    private static string UniqueSlug(string prefix) => $"e2e-{prefix}-{Guid.NewGuid():N}";

    private static string Head(string method, string target, params string[] headers) =>
        string.Join("\r\n", [$"{method} {target} HTTP/1.1", "Host: 127.0.0.1", .. headers]);

    private async Task AssertNothingStoredAndStillServingAsync(string slug)
    {
        using var article = await Host.Api.GetAsync(new Uri($"api/articles/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, article.StatusCode);
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        var slug = UniqueSlug("after");
        using var body = new StringContent("# Still serving\n\nBody.\n", Encoding.UTF8, new MediaTypeHeaderValue("text/markdown"));
        using var put = await Host.Api.PutAsync(new Uri($"api/articles/{slug}", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
    }
}
