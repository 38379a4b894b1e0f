using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ContentPipeline.Core;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Storage.Sources;

/// <summary>
/// The articles container: uploaded sources, one blob per article named <c>{slug}{extension}</c>.
/// Writing the same bytes again is a no-op, so a retried upload neither rewrites the blob nor fires a new event.
/// </summary>
public sealed class ArticleSourceStore
{
    /// <summary>Blob metadata key holding the SHA-256 of the source bytes.</summary>
    public const string SourceHashMetadata = "sourcehash";

    private readonly BlobContainerClient container;

    /// <summary>Creates a store on the container named in <paramref name="options"/>.</summary>
    public ArticleSourceStore(BlobServiceClient blobs, ContentPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        container = blobs.GetBlobContainerClient(options.ArticlesContainer);
    }

    /// <summary>The SHA-256 of source bytes, as stored in blob metadata and the catalog.</summary>
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Stores <paramref name="content"/> as the source of <paramref name="slug"/>. Sources of the same slug with
    /// another extension are removed afterwards, so one article never has two competing sources.
    /// With <paramref name="replace"/> false the write only creates: when other bytes are already stored under the
    /// name (even ones written a moment ago by a concurrent upload) nothing is written and the result is null.
    /// </summary>
    public async Task<StoredSource?> SaveAsync(Slug slug, ArticleFormat format, ReadOnlyMemory<byte> content, bool replace = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var blobName = slug.Value + ArticleFormats.ExtensionOf(format);
        var blob = container.GetBlobClient(blobName);
        var hash = HashOf(content.Span);

        var existing = await GetPropertiesAsync(blob, cancellationToken).ConfigureAwait(false);
        if (existing is not null && HoldsHash(existing, hash))
        {
            await RemoveOtherSourcesAsync(slug, blobName, cancellationToken).ConfigureAwait(false);
            return new StoredSource(blobName, existing.ETag.ToString(), existing.LastModified, Created: false);
        }

        if (existing is not null && !replace)
        {
            return null;
        }

        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ArticleFormats.MediaTypeOf(format) },
            Metadata = new Dictionary<string, string> { [SourceHashMetadata] = hash },
            Conditions = replace ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        Response<BlobContentInfo> uploaded;
        try
        {
            uploaded = await CreateOnFirstUse.RunAsync(
                container,
                () => blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (!replace && ex.Status is 409 or 412)
        {
            // Another upload created the blob since we looked: it wins unless it stored these very bytes.
            return await SaveAsync(slug, format, content, replace: false, cancellationToken).ConfigureAwait(false);
        }

        await RemoveOtherSourcesAsync(slug, blobName, cancellationToken).ConfigureAwait(false);
        return new StoredSource(blobName, uploaded.Value.ETag.ToString(), uploaded.Value.LastModified, Created: true);
    }

    /// <summary>True while the blob <paramref name="blobName"/> still holds the version <paramref name="etag"/>.</summary>
    public async Task<bool> HoldsVersionAsync(string blobName, string etag, CancellationToken cancellationToken = default)
    {
        var current = await GetETagAsync(container.GetBlobClient(blobName), cancellationToken).ConfigureAwait(false);
        return current is not null && SameETag(current, etag);
    }

    /// <summary>Compares ETags as one version, whether they came quoted (single-blob calls) or bare (listings).</summary>
    public static bool SameETag(string left, string right) =>
        string.Equals(left.Trim('"'), right.Trim('"'), StringComparison.Ordinal);

    private static bool HoldsHash(BlobProperties properties, string hash) =>
        properties.Metadata.TryGetValue(SourceHashMetadata, out var storedHash) && storedHash == hash;

    /// <summary>Reads a source blob, or returns null when it no longer exists.</summary>
    public static async Task<SourceContent?> ReadAsync(BlobClient source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            var result = await source.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new SourceContent(result.Value.Content, result.Value.Details.ETag.ToString(), result.Value.Details.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The current ETag of a source blob, or null when it no longer exists.</summary>
    public static async Task<string?> GetETagAsync(BlobClient source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return (await GetPropertiesAsync(source, cancellationToken).ConfigureAwait(false))?.ETag.ToString();
    }

    /// <summary>The blob <paramref name="name"/> in the articles container.</summary>
    public BlobClient Blob(string name) => container.GetBlobClient(name);

    /// <summary>The name and ETag of every blob in the articles container.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                blobs[blob.Name] = blob.Properties.ETag?.ToString() ?? "";
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No sources yet.
        }

        return blobs;
    }

    /// <summary>True when <paramref name="slug"/> has a source under any of the article extensions.</summary>
    public async Task<bool> AnyExistsAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        foreach (var extension in ArticleFormats.Extensions)
        {
            if (await GetPropertiesAsync(container.GetBlobClient(slug.Value + extension), cancellationToken).ConfigureAwait(false) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Deletes every source of <paramref name="slug"/>, whatever its extension. True when one existed.</summary>
    public async Task<bool> DeleteAllAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var deleted = false;
        foreach (var extension in ArticleFormats.Extensions)
        {
            try
            {
                deleted |= (await container.GetBlobClient(slug.Value + extension).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                return false;
            }
        }

        return deleted;
    }

    private async Task RemoveOtherSourcesAsync(Slug slug, string keep, CancellationToken cancellationToken)
    {
        foreach (var extension in ArticleFormats.Extensions)
        {
            var name = slug.Value + extension;
            if (name != keep)
            {
                await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<BlobProperties?> GetPropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
