using LocalFunctionsHost.Blobs;

namespace LocalFunctionsHost.Tests.Triggers;

public sealed class BlobsWebhookUrlTests
{
    [Theory]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/articles/a.md", "articles", "a.md")]
    [InlineData("http://localhost:10000/devstoreaccount1/articles/dir/a%20b.md", "articles", "dir/a b.md")]
    [InlineData("https://acct.blob.core.windows.net/articles/a.md", "articles", "a.md")]
    [InlineData("https://acct.blob.core.windows.net/articles/x/y/z.txt", "articles", "x/y/z.txt")]
    public void Blob_urls_of_both_styles_give_container_and_blob(string url, string container, string blob)
    {
        Assert.True(BlobsWebhookEndpoint.TryParseBlobUrl(url, out var parsedContainer, out var parsedBlob));
        Assert.Equal((container, blob), (parsedContainer, parsedBlob));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a url")]
    [InlineData("https://acct.blob.core.windows.net/articles")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/articles")]
    public void Urls_without_a_blob_are_refused(string? url) =>
        Assert.False(BlobsWebhookEndpoint.TryParseBlobUrl(url, out _, out _));
}
