using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ContentPipeline.Storage.Site;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// Reads the site container (<c>$web</c>) the way the convergence check needs it, as cheaply as it can: one file's
/// properties; the listing files with their metadata from three small listings (the root, <c>page/</c>,
/// <c>tags/</c>) rather than one listing of every article page as well, which only <see cref="ReadArticlePagesAsync"/> reads.
/// </summary>
internal sealed class SiteReader(BlobContainerClient container)
{
    private const string ArticlesFolder = "articles/";
    private static readonly string[] ListingFolders = ["page/", "tags/"];

    private int properties;
    private int listings;
    private int downloads;

    /// <summary>How many single files' properties this reader has read.</summary>
    public int Properties => properties;

    /// <summary>How many listings this reader has asked for.</summary>
    public int Listings => listings;

    /// <summary>How many files this reader has downloaded.</summary>
    public int Downloads => downloads;

    /// <summary>The slugs that have a page (<c>articles/{slug}/index.html</c>).</summary>
    public async Task<IReadOnlySet<string>> ReadArticlePagesAsync(CancellationToken cancellationToken = default)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        Interlocked.Increment(ref listings);
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = ArticlesFolder }, cancellationToken))
            {
                if (blob.Name.Split('/') is [_, var slug, "index.html"])
                {
                    slugs.Add(slug);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No site yet.
        }

        return slugs;
    }

    /// <summary>Every listing file (all but article pages and assets) with the hash and write count in its metadata.</summary>
    public async Task<IReadOnlyDictionary<string, ListedFile>> ReadListingFilesAsync(CancellationToken cancellationToken = default)
    {
        var files = new Dictionary<string, ListedFile>(StringComparer.Ordinal);
        try
        {
            // Root files only: folders come back as one prefix each, not as their thousands of blobs.
            Interlocked.Increment(ref listings);
            await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.Metadata, BlobStates.None, "/", prefix: null, cancellationToken))
            {
                if (item.IsBlob)
                {
                    files[item.Blob.Name] = ToListedFile(item.Blob);
                }
            }

            foreach (var folder in ListingFolders)
            {
                Interlocked.Increment(ref listings);
                await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = folder, Traits = BlobTraits.Metadata }, cancellationToken))
                {
                    files[blob.Name] = ToListedFile(blob);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No site yet.
        }

        return files;
    }

    /// <summary>One listing file's hash and write count, from its properties alone; null when it is not there.</summary>
    public async Task<ListedFile?> ReadListedFileAsync(string path, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref properties);
        try
        {
            var metadata = (await container.GetBlobClient(path).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
            return ToListedFile(metadata);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A file's text and the content hash it was stored with; null when it is not there (any more).</summary>
    public async Task<DownloadedFile?> DownloadAsync(string path, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref downloads);
        try
        {
            var download = (await container.GetBlobClient(path).DownloadContentAsync(cancellationToken)).Value;
            return new DownloadedFile(ContentHash(download.Details.Metadata), download.Content.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string? ContentHash(IDictionary<string, string> metadata) =>
        metadata.TryGetValue(SiteStore.ContentHashMetadata, out var hash) ? hash : null;

    private static ListedFile ToListedFile(BlobItem blob) => ToListedFile(blob.Metadata);

    private static ListedFile ToListedFile(IDictionary<string, string> metadata) => new(
        ContentHash(metadata),
        metadata.TryGetValue(SiteStore.WritesMetadata, out var writes) && long.TryParse(writes, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0);
}

/// <summary>A listing file as the container lists it: the SHA-256 of its bytes and how many times the site wrote it.</summary>
internal sealed record ListedFile(string? ContentHash, long Writes);

/// <summary>A downloaded file's text, with the content hash its metadata held at that moment.</summary>
internal sealed record DownloadedFile(string? ContentHash, string Text);
