using System.Security.Cryptography;

namespace ContentPipeline.Core.Site;

/// <summary>
/// A file every page shares (stylesheet, counter script). Its path carries a hash of its bytes, so it can be
/// cached forever and a changed file gets a new URL instead of a stale copy.
/// </summary>
public sealed class SiteAsset
{
    /// <summary>Cache-Control of assets: their URL changes whenever their bytes do.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>Creates an asset served as <c>assets/{stem}.{hash}{extension}</c>.</summary>
    public SiteAsset(string stem, string extension, string contentType, ReadOnlyMemory<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(stem);
        ArgumentException.ThrowIfNullOrEmpty(extension);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        Content = content;
        ContentType = contentType;
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        Path = $"assets/{stem}.{ContentHash[..12]}{extension}";
    }

    /// <summary>Path inside the site container, such as <c>assets/site.0123456789ab.css</c>.</summary>
    public string Path { get; }

    /// <summary>Content-Type to serve it with.</summary>
    public string ContentType { get; }

    /// <summary>SHA-256 of the bytes, lowercase hex.</summary>
    public string ContentHash { get; }

    /// <summary>The bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }
}
