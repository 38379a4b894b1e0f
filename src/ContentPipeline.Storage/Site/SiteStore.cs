using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ContentPipeline.Core;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Site;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Storage.Site;

/// <summary>
/// The site container the CDN serves from. A file is only written when its bytes change (compared by the content
/// hash kept in blob metadata), so replays cost one HEAD request and rewrite nothing.
/// </summary>
public sealed class SiteStore
{
    /// <summary>Blob metadata key holding the SHA-256 of the file's bytes.</summary>
    public const string ContentHashMetadata = "contenthash";

    /// <summary>Content-Type of every HTML page.</summary>
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>Blob metadata key counting how many times a listing file was written.</summary>
    public const string WritesMetadata = "writes";

    private const string ArticlesFolder = "articles/";
    private const string AssetsFolder = "assets/";

    private readonly BlobContainerClient container;
    private readonly SiteAssets assets;
    private readonly string pageCacheControl;
    private readonly Lock assetsLock = new();
    private Task? assetsPublished;

    /// <summary>Creates a store on the site container named in <paramref name="options"/>.</summary>
    public SiteStore(BlobServiceClient blobs, ContentPipelineOptions options, SiteAssets assets)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(assets);
        container = blobs.GetBlobContainerClient(options.SiteContainer);
        this.assets = assets;
        pageCacheControl = options.PageCacheControl;
    }

    /// <summary>The blob at <paramref name="path"/> in the site container.</summary>
    public BlobClient Blob(string path) => container.GetBlobClient(path);

    /// <summary>The blob of an article's page.</summary>
    public BlobClient PageBlob(Slug slug) => Blob(SiteUrls.ArticlePagePath(slug));

    /// <summary>Writes <paramref name="page"/> as the page of <paramref name="slug"/> unless it already holds those bytes. True when written.</summary>
    public Task<bool> WritePageIfChangedAsync(Slug slug, RenderedPage page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return WriteIfChangedAsync(SiteUrls.ArticlePagePath(slug), page.Content, page.ContentHash, HtmlContentType, pageCacheControl, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> with the given headers, unless the blob already
    /// holds bytes with <paramref name="contentHash"/> and the same Cache-Control. True when written.
    /// </summary>
    public async Task<bool> WriteIfChangedAsync(string path, ReadOnlyMemory<byte> content, string contentHash, string contentType, string cacheControl, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (properties.Value.Metadata.TryGetValue(ContentHashMetadata, out var hash) && hash == contentHash
                && properties.Value.CacheControl == cacheControl && properties.Value.ContentType == contentType)
            {
                return false;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not there yet (or no container yet): write it below.
        }

        await UploadAsync(blob, content, contentType, cacheControl, new Dictionary<string, string> { [ContentHashMetadata] = contentHash }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The listing files in the site (everything but article pages and assets), with the content hash and write count
    /// each was stored with: one listing call instead of a request per file.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StoredSiteFile>> ReadListingFilesAsync(CancellationToken cancellationToken = default)
    {
        var files = new Dictionary<string, StoredSiteFile>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
            {
                if (blob.Name.StartsWith(ArticlesFolder, StringComparison.Ordinal) || blob.Name.StartsWith(AssetsFolder, StringComparison.Ordinal))
                {
                    continue;
                }

                var metadata = blob.Metadata;
                files[blob.Name] = new StoredSiteFile(
                    metadata.TryGetValue(ContentHashMetadata, out var hash) ? hash : null,
                    metadata.TryGetValue(WritesMetadata, out var writes) && long.TryParse(writes, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0);
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No site yet.
        }

        return files;
    }

    /// <summary>The slugs that have a page in the site, from one listing of the articles folder.</summary>
    public async Task<IReadOnlySet<string>> ReadArticlePagesAsync(CancellationToken cancellationToken = default)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = ArticlesFolder }, cancellationToken).ConfigureAwait(false))
            {
                var parts = blob.Name.Split('/');
                if (parts is [_, var slug, "index.html"])
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

    /// <summary>
    /// Writes a listing file, recording its hash and how many times it has been written (<paramref name="writes"/>),
    /// which shows how well rebuilds are coalesced.
    /// </summary>
    public async Task WriteListingFileAsync(SiteFile file, long writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var metadata = new Dictionary<string, string>
        {
            [ContentHashMetadata] = file.ContentHash,
            [WritesMetadata] = writes.ToString(CultureInfo.InvariantCulture),
        };
        await UploadAsync(Blob(file.Path), file.Content, file.ContentType, file.CacheControl, metadata, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the file at <paramref name="path"/>; removing an absent file succeeds. True when it existed.</summary>
    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Blob(path).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return false;
        }
    }

    private async Task UploadAsync(BlobClient blob, ReadOnlyMemory<byte> content, string contentType, string cacheControl, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = cacheControl },
            Metadata = metadata,
        };
        await CreateOnFirstUse.RunAsync(container, () => blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes sure the shared assets pages link (stylesheet, counter script) are in the site, once per process:
    /// a page must never reference an asset that is not there. A failed attempt is retried by the next caller.
    /// </summary>
    public Task EnsureAssetsAsync(CancellationToken cancellationToken = default)
    {
        lock (assetsLock)
        {
            if (assetsPublished is null || assetsPublished.IsFaulted || assetsPublished.IsCanceled)
            {
                // Not the caller's token: other callers share this task, and one caller's cancellation must not fail theirs.
                assetsPublished = PublishAssetsAsync(CancellationToken.None);
            }

            return assetsPublished.WaitAsync(cancellationToken);
        }
    }

    private async Task PublishAssetsAsync(CancellationToken cancellationToken)
    {
        foreach (var asset in assets.All)
        {
            await WriteIfChangedAsync(asset.Path, asset.Content, asset.ContentHash, asset.ContentType, SiteAsset.CacheControl, cancellationToken).ConfigureAwait(false);
        }
    }
}
