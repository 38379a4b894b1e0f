using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ContentPipeline.Core;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Storage.Pages;

/// <summary>
/// The site container the CDN serves from. A page is only written when its bytes change (compared by the
/// content hash kept in blob metadata), so replayed triggers cost one HEAD request and rewrite nothing.
/// </summary>
public sealed class PageStore
{
    /// <summary>Blob metadata key holding the SHA-256 of the page bytes.</summary>
    public const string ContentHashMetadata = "contenthash";

    private const string HtmlContentType = "text/html; charset=utf-8";

    private readonly BlobContainerClient container;
    private readonly string cacheControl;

    /// <summary>Creates a store on the site container named in <paramref name="options"/>.</summary>
    public PageStore(BlobServiceClient blobs, ContentPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        container = blobs.GetBlobContainerClient(options.SiteContainer);
        cacheControl = options.PageCacheControl;
    }

    /// <summary>The blob of an article's page.</summary>
    public BlobClient PageBlob(Slug slug) => container.GetBlobClient(SiteUrls.ArticlePagePath(slug));

    /// <summary>Writes <paramref name="page"/> as the page of <paramref name="slug"/> unless it already holds those bytes. True when written.</summary>
    public async Task<bool> WriteIfChangedAsync(Slug slug, RenderedPage page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var blob = PageBlob(slug);
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (properties.Value.Metadata.TryGetValue(ContentHashMetadata, out var hash) && hash == page.ContentHash
                && properties.Value.CacheControl == cacheControl)
            {
                return false;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No page yet (or no container yet): write it below.
        }

        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = HtmlContentType, CacheControl = cacheControl },
            Metadata = new Dictionary<string, string> { [ContentHashMetadata] = page.ContentHash },
        };
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(page.Content), options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await blob.UploadAsync(BinaryData.FromBytes(page.Content), options, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
