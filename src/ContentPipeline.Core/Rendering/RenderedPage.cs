using System.Security.Cryptography;
using System.Text;

namespace ContentPipeline.Core.Rendering;

/// <summary>A finished page: its UTF-8 bytes and their SHA-256, which decides whether a stored page must be rewritten.</summary>
public sealed class RenderedPage
{
    /// <summary>Wraps rendered HTML.</summary>
    public RenderedPage(string html)
    {
        Html = html;
        var bytes = Encoding.UTF8.GetBytes(html);
        Content = bytes;
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The page as text.</summary>
    public string Html { get; }

    /// <summary>The page as UTF-8 bytes, without a byte order mark.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Lowercase hex SHA-256 of <see cref="Content"/>.</summary>
    public string ContentHash { get; }
}
