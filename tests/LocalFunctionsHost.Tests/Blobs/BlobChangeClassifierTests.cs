using LocalFunctionsHost.Blobs;
using Microsoft.AspNetCore.Http;

namespace LocalFunctionsHost.Tests.Blobs;

// Cases the real-Azurite tests cannot reach: operations Azurite lacks, answers it never gives, URL styles the SDK does not use.
public sealed class BlobChangeClassifierTests
{
    private const string Host = "127.0.0.1:10000";

    [Fact]
    public void Put_blob_from_url_is_a_created_block_blob_with_the_declared_content_type()
    {
        var request = Request("PUT", "/devstoreaccount1/site/index.html", headers: new()
        {
            ["x-ms-copy-source"] = "https://elsewhere.blob.core.windows.net/c/index.html",
            ["x-ms-blob-type"] = "BlockBlob",
            ["x-ms-blob-content-type"] = "text/html",
        });

        var change = Classify(request, 201, new() { ["ETag"] = "\"0x8DD1\"" });

        Assert.NotNull(change);
        Assert.Equal((BlobChangeKind.Created, BlobOperation.PutBlobFromUrl, "BlockBlob", "text/html"), (change.Kind, change.Operation, change.BlobType, change.ContentType));
        Assert.Equal("\"0x8DD1\"", change.ETag.ToString());
    }

    [Fact]
    public void A_copy_still_pending_at_storage_raises_nothing_and_says_so()
    {
        var request = Request("PUT", "/devstoreaccount1/site/big.bin", headers: new() { ["x-ms-copy-source"] = "https://elsewhere/c/big.bin" });

        var change = BlobChangeClassifier.Classify(request, RawPath(request), 202, Headers(new() { ["x-ms-copy-status"] = "pending" }), out var pendingCopy);

        Assert.Null(change);
        Assert.True(pendingCopy);
    }

    [Fact]
    public void Put_blob_takes_the_request_content_type_and_length_when_no_blob_header_says_otherwise()
    {
        var request = Request("PUT", "/devstoreaccount1/site/notes.txt", headers: new() { ["x-ms-blob-type"] = "BlockBlob" });
        request.ContentType = "text/plain";
        request.ContentLength = 42;

        var change = Classify(request, 201);

        Assert.NotNull(change);
        Assert.Equal(("text/plain", 42L), (change.ContentType, change.ContentLength));
    }

    [Fact]
    public void The_account_comes_from_a_production_style_host_name()
    {
        var request = Request("PUT", "/site/articles/a.md", host: "devstoreaccount1.blob.localhost:10000", headers: new() { ["x-ms-blob-type"] = "BlockBlob" });

        var change = Classify(request, 201);

        Assert.NotNull(change);
        Assert.Equal(("devstoreaccount1", "site", "articles/a.md"), (change.AccountName, change.ContainerName, change.BlobName));
        Assert.Equal(new Uri("http://devstoreaccount1.blob.localhost:10000/site/articles/a.md"), change.Url);
    }

    [Theory]
    [InlineData("/devstoreaccount1/site/a%2Fb%20c.txt", "a/b c.txt")]
    [InlineData("/devstoreaccount1/site/dir%5Cfile.txt", "dir/file.txt")]
    [InlineData("/devstoreaccount1/site/caf%C3%A9%21.txt", "café!.txt")]
    public void The_blob_name_is_read_as_Azurite_reads_it(string rawPath, string blobName)
    {
        var change = Classify(Request("DELETE", rawPath), 202);

        Assert.NotNull(change);
        Assert.Equal(blobName, change.BlobName);
        Assert.Equal(BlobChangeKind.Deleted, change.Kind);
    }

    [Theory]
    [InlineData("block")]
    [InlineData("appendblock")]
    [InlineData("page")]
    [InlineData("metadata")]
    [InlineData("properties")]
    [InlineData("snapshot")]
    [InlineData("tier")]
    [InlineData("lease")]
    [InlineData("tags")]
    [InlineData("copy")]
    [InlineData("incrementalcopy")]
    [InlineData("undelete")]
    public void Other_blob_puts_raise_nothing(string comp)
    {
        Assert.Null(Classify(Request("PUT", "/devstoreaccount1/site/a.md", "?comp=" + comp), 201));
    }

    [Theory]
    [InlineData("PUT", "/devstoreaccount1/site", "?restype=container")]
    [InlineData("DELETE", "/devstoreaccount1/site", "?restype=container")]
    [InlineData("PUT", "/devstoreaccount1/site", "")]
    [InlineData("POST", "/devstoreaccount1/site", "?restype=container&comp=batch")]
    [InlineData("PUT", "/devstoreaccount1/site/a.md", "?restype=container")]
    [InlineData("GET", "/devstoreaccount1/site/a.md", "")]
    [InlineData("DELETE", "/devstoreaccount1/site/a.md", "?snapshot=2026-01-01T00:00:00.0000000Z")]
    [InlineData("DELETE", "/devstoreaccount1/site/a.md", "?versionid=2026-01-01T00:00:00.0000000Z")]
    public void Requests_on_containers_or_on_snapshots_and_versions_raise_nothing(string method, string path, string query)
    {
        Assert.Null(Classify(Request(method, path, query, headers: new() { ["x-ms-blob-type"] = "BlockBlob" }), 202));
    }

    [Fact]
    public void Deleting_only_the_snapshots_leaves_the_blob_and_raises_nothing()
    {
        Assert.Null(Classify(Request("DELETE", "/devstoreaccount1/site/a.md", headers: new() { ["x-ms-delete-snapshots"] = "only" }), 202));
        Assert.NotNull(Classify(Request("DELETE", "/devstoreaccount1/site/a.md", headers: new() { ["x-ms-delete-snapshots"] = "include" }), 202));
    }

    [Theory]
    [InlineData(304)]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(500)]
    [InlineData(503)]
    public void A_write_storage_did_not_accept_raises_nothing(int statusCode)
    {
        Assert.Null(Classify(Request("PUT", "/devstoreaccount1/site/a.md", headers: new() { ["x-ms-blob-type"] = "BlockBlob" }), statusCode));
    }

    private static BlobChangedEvent? Classify(HttpRequest request, int statusCode, Dictionary<string, string>? responseHeaders = null) =>
        BlobChangeClassifier.Classify(request, RawPath(request), statusCode, Headers(responseHeaders ?? []), out _);

    private static Func<string, string?> Headers(Dictionary<string, string> headers) =>
        name => headers.TryGetValue(name, out var value) ? value : null;

    // The tests build requests from raw paths, so the raw path is the request's path as given.
    private static string RawPath(HttpRequest request) => request.Path.Value!;

    private static HttpRequest Request(string method, string rawPath, string query = "", string host = Host, Dictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        context.Request.Path = rawPath;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        foreach (var (name, value) in headers ?? [])
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }
}
