using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using ContentPipeline.Testing;
using LocalFunctionsHost.Blobs;

namespace LocalFunctionsHost.Tests.Blobs;

// The changes are read right after each write returns, without waiting: the proxy announces a change before the writer sees its response.
[Collection(AzuriteCollection.Name)]
public sealed class BlobEventProxyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly RecordingBlobChangeListener _listener = new();
    private BlobEventProxy _proxy = null!;
    private BlobServiceClient _throughProxy = null!;
    private BlobServiceClient _direct = null!;

    public async Task InitializeAsync()
    {
        _proxy = await BlobEventProxy.StartAsync(new BlobEventProxyOptions { Upstream = azurite.BlobEndpoint, Port = 0 }, _listener);

        // Signed for the proxy's address with the development key, exactly as a "UseDevelopmentStorage=true" client signs for port 10000.
        _throughProxy = new BlobServiceClient(_proxy.BlobEndpoint, new StorageSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey));
        _direct = new BlobServiceClient(azurite.ConnectionString);
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task A_single_put_upload_raises_one_created_event_with_the_new_etag()
    {
        var container = await CreateContainerAsync("single-put");
        var blob = container.GetBlobClient("articles/first.md");

        var uploaded = await blob.UploadAsync(
            BinaryData.FromString("# First"), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown" } });

        var change = Assert.Single(_listener.In(container.Name));
        Assert.Equal(BlobChangeKind.Created, change.Kind);
        Assert.Equal(BlobOperation.PutBlob, change.Operation);
        Assert.Equal(AzuriteFixture.AccountName, change.AccountName);
        Assert.Equal(container.Name, change.ContainerName);
        Assert.Equal("articles/first.md", change.BlobName);
        Assert.Equal(uploaded.Value.ETag, change.ETag);
        Assert.Equal("BlockBlob", change.BlobType);
        Assert.Equal("text/markdown", change.ContentType);
        Assert.Equal(7, change.ContentLength);
        Assert.Equal(blob.Uri, change.Url);

        var stored = await _direct.GetBlobContainerClient(container.Name).GetBlobClient("articles/first.md").GetPropertiesAsync();
        Assert.Equal(uploaded.Value.ETag, stored.Value.ETag);
    }

    [Fact]
    public async Task A_large_upload_in_blocks_raises_exactly_one_created_event_for_the_block_list()
    {
        var container = await CreateContainerAsync("block-upload");
        var blob = container.GetBlobClient("media/large.bin");
        var content = new byte[10 * 1024 * 1024];
        new Random(7).NextBytes(content);

        var uploaded = await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 1024 * 1024, MaximumTransferSize = 1024 * 1024 },
        });

        var change = Assert.Single(_listener.In(container.Name));
        Assert.Equal(BlobChangeKind.Created, change.Kind);
        Assert.Equal(BlobOperation.PutBlockList, change.Operation);
        Assert.Equal("media/large.bin", change.BlobName);
        Assert.Equal(uploaded.Value.ETag, change.ETag);

        // The upload really went as blocks, and every byte got through the proxy.
        var blockList = await _direct.GetBlobContainerClient(container.Name).GetBlockBlobClient("media/large.bin").GetBlockListAsync();
        Assert.Equal(10, blockList.Value.CommittedBlocks.Count());
        Assert.Equal(content, (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task A_copy_raises_a_created_event_for_the_destination_only()
    {
        var container = await CreateContainerAsync("copy");
        var source = container.GetBlobClient("drafts/source.md");
        await source.UploadAsync(BinaryData.FromString("# Draft"));
        var destination = container.GetBlobClient("published/copy.md");

        var copy = await destination.StartCopyFromUriAsync(source.Uri);
        await copy.WaitForCompletionAsync();

        var changes = _listener.In(container.Name);
        Assert.Equal(2, changes.Count);
        var copied = changes[1];
        Assert.Equal(BlobChangeKind.Created, copied.Kind);
        Assert.Equal(BlobOperation.CopyBlob, copied.Operation);
        Assert.Equal("published/copy.md", copied.BlobName);
        Assert.Equal((await destination.GetPropertiesAsync()).Value.ETag, copied.ETag);
        Assert.Null(copied.BlobType);
    }

    // Put Blob From URL is classified too (see BlobChangeClassifierTests), but Azurite 3.37 answers it with 501.
    [Fact]
    public async Task A_synchronous_copy_from_url_raises_a_created_event()
    {
        var container = await CreateContainerAsync("sync-copy");
        var source = container.GetBlobClient("source.txt");
        await source.UploadAsync(BinaryData.FromString("source"));
        var sourceWithSas = source.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1));

        var copied = await container.GetBlobClient("sync-copy.txt").SyncCopyFromUriAsync(sourceWithSas);

        var changes = _listener.In(container.Name);
        Assert.Equal(
            [(BlobOperation.PutBlob, "source.txt"), (BlobOperation.CopyBlob, "sync-copy.txt")],
            changes.Select(change => (change.Operation, change.BlobName)));
        Assert.Equal(copied.Value.ETag, changes[1].ETag);
        Assert.Equal("source", (await container.GetBlobClient("sync-copy.txt").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task A_delete_raises_a_deleted_event()
    {
        var container = await CreateContainerAsync("delete");
        var blob = container.GetBlobClient("old/gone.md");
        await blob.UploadAsync(BinaryData.FromString("# Gone soon"));

        await blob.DeleteAsync();

        var changes = _listener.In(container.Name);
        Assert.Equal(2, changes.Count);
        var deleted = changes[1];
        Assert.Equal(BlobChangeKind.Deleted, deleted.Kind);
        Assert.Equal(BlobOperation.DeleteBlob, deleted.Operation);
        Assert.Equal("old/gone.md", deleted.BlobName);
        Assert.Null(deleted.ETag);
        Assert.False((await _direct.GetBlobContainerClient(container.Name).GetBlobClient("old/gone.md").ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_run_of_writes_is_announced_in_the_order_it_was_made()
    {
        var container = await CreateContainerAsync("sequence");
        var first = container.GetBlobClient("a.md");
        var second = container.GetBlobClient("b.md");

        await first.UploadAsync(BinaryData.FromString("a"));
        await second.UploadAsync(BinaryData.FromString("b"));
        await (await container.GetBlobClient("c.md").StartCopyFromUriAsync(first.Uri)).WaitForCompletionAsync();
        await first.DeleteAsync();
        await second.UploadAsync(BinaryData.FromString("b, again"), overwrite: true);

        Assert.Equal(
            [
                (BlobChangeKind.Created, BlobOperation.PutBlob, "a.md"),
                (BlobChangeKind.Created, BlobOperation.PutBlob, "b.md"),
                (BlobChangeKind.Created, BlobOperation.CopyBlob, "c.md"),
                (BlobChangeKind.Deleted, BlobOperation.DeleteBlob, "a.md"),
                (BlobChangeKind.Created, BlobOperation.PutBlob, "b.md"),
            ],
            _listener.In(container.Name).Select(change => (change.Kind, change.Operation, change.BlobName)));
    }

    [Fact]
    public async Task Failed_writes_and_container_operations_raise_nothing()
    {
        var missing = _throughProxy.GetBlobContainerClient(TestNames.Container("missing"));
        var failedUpload = await Assert.ThrowsAsync<RequestFailedException>(() => missing.GetBlobClient("x.md").UploadAsync(BinaryData.FromString("x")));
        Assert.Equal(404, failedUpload.Status);

        var container = await CreateContainerAsync("container-ops");
        await container.SetMetadataAsync(new Dictionary<string, string> { ["purpose"] = "test" });
        Assert.False((await container.GetBlobClient("never-written.md").DeleteIfExistsAsync()).Value);
        var existing = container.GetBlobClient("existing.md");
        await existing.UploadAsync(BinaryData.FromString("existing"));
        await Assert.ThrowsAsync<RequestFailedException>(() => existing.UploadAsync(BinaryData.FromString("not overwritten"), overwrite: false));
        await container.DeleteAsync();

        Assert.Empty(_listener.In(missing.Name));
        Assert.Equal([(BlobOperation.PutBlob, "existing.md")], _listener.In(container.Name).Select(change => (change.Operation, change.BlobName)));
    }

    [Fact]
    public async Task Changes_to_anything_but_content_raise_nothing()
    {
        var container = await CreateContainerAsync("not-content");
        var blob = container.GetBlockBlobClient("page.html");
        await blob.UploadAsync(BinaryData.FromString("<p>page</p>").ToStream());

        await blob.SetMetadataAsync(new Dictionary<string, string> { ["reviewed"] = "yes" });
        await blob.SetHttpHeadersAsync(new BlobHttpHeaders { ContentType = "text/html", CacheControl = "no-cache" });
        await blob.SetTagsAsync(new Dictionary<string, string> { ["state"] = "draft" });
        await blob.SetAccessTierAsync(AccessTier.Cool);
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));
        await lease.ReleaseAsync();
        var snapshot = await blob.CreateSnapshotAsync();
        await blob.WithSnapshot(snapshot.Value.Snapshot).DeleteAsync();
        await blob.StageBlockAsync(Convert.ToBase64String("block-1"u8.ToArray()), BinaryData.FromString("staged only").ToStream());
        await blob.DownloadContentAsync();
        await blob.GetPropertiesAsync();
        await foreach (var _ in container.GetBlobsAsync())
        {
        }

        Assert.Equal([BlobOperation.PutBlob], _listener.In(container.Name).Select(change => change.Operation));
    }

    [Fact]
    public async Task Append_and_page_blobs_are_announced_at_creation_with_their_type_and_not_per_append_or_page()
    {
        var container = await CreateContainerAsync("append-page");
        var log = container.GetAppendBlobClient("logs/run.log");
        var disk = container.GetPageBlobClient("disks/disk.vhd");

        await log.CreateAsync();
        await log.AppendBlockAsync(BinaryData.FromString("line 1\n").ToStream());
        await disk.CreateAsync(1024);
        await disk.UploadPagesAsync(new MemoryStream(new byte[512]), offset: 0);

        Assert.Equal(
            [(BlobOperation.PutBlob, "logs/run.log", "AppendBlob", 0L), (BlobOperation.PutBlob, "disks/disk.vhd", "PageBlob", 1024L)],
            _listener.In(container.Name).Select(change => (change.Operation, change.BlobName, change.BlobType, change.ContentLength ?? -1)));
    }

    [Fact]
    public async Task Blob_names_that_need_percent_encoding_keep_their_shared_key_signature_valid_through_the_proxy()
    {
        // The SDK escapes '!', '(', ')', '+', '\'', '*' and more; a proxy that re-encoded the path would change what was signed.
        const string name = "articles/a b!(1)+ü'~*;,$@=&.txt";
        var container = await CreateContainerAsync("encoded-names");
        var blob = container.GetBlobClient(name);

        var uploaded = await blob.UploadAsync(BinaryData.FromString("encoded"));

        var change = Assert.Single(_listener.In(container.Name));
        Assert.Equal(name, change.BlobName);
        Assert.Equal(uploaded.Value.ETag, change.ETag);
        Assert.Equal("encoded", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.True((await _direct.GetBlobContainerClient(container.Name).GetBlobClient(name).ExistsAsync()).Value);
    }

    private async Task<BlobContainerClient> CreateContainerAsync(string prefix)
    {
        var container = _throughProxy.GetBlobContainerClient(TestNames.Container("proxy-" + prefix));
        await container.CreateAsync();
        return container;
    }
}
