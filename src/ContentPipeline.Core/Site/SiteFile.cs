using System.Security.Cryptography;
using System.Text;

namespace ContentPipeline.Core.Site;

/// <summary>
/// A file of the site container with the headers to serve it with. Its SHA-256 lets a caller compare it with the
/// stored copy and rewrite only what changed.
/// </summary>
public sealed class SiteFile
{
    /// <summary>Wraps <paramref name="content"/> to be stored at <paramref name="path"/>.</summary>
    public SiteFile(string path, ReadOnlyMemory<byte> content, string contentType, string cacheControl)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        ArgumentException.ThrowIfNullOrEmpty(cacheControl);
        Path = path;
        Content = content;
        ContentType = contentType;
        CacheControl = cacheControl;
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
    }

    /// <summary>Path inside the site container, such as <c>tags/science/page/2/index.html</c>.</summary>
    public string Path { get; }

    /// <summary>The bytes; text is UTF-8 without a byte order mark.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Lowercase hex SHA-256 of <see cref="Content"/>.</summary>
    public string ContentHash { get; }

    /// <summary>Content-Type to serve it with.</summary>
    public string ContentType { get; }

    /// <summary>Cache-Control to serve it with.</summary>
    public string CacheControl { get; }

    /// <summary>A file holding <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static SiteFile FromText(string path, string text, string contentType, string cacheControl)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SiteFile(path, Encoding.UTF8.GetBytes(text), contentType, cacheControl);
    }

    /// <summary>The path, for test output and logs.</summary>
    public override string ToString() => Path;
}
