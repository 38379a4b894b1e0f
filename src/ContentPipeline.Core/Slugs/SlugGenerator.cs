using System.Security.Cryptography;
using System.Text;
using AnyAscii;

namespace ContentPipeline.Core.Slugs;

/// <summary>
/// Derives a <see cref="Slug"/> from an article title or file name when the author did not choose one.
/// </summary>
/// <remarks>
/// Steps: transliterate to ASCII with AnyAscii (<c>Café</c> → <c>Cafe</c>, <c>北京</c> → <c>BeiJing</c>,
/// <c>Привет</c> → <c>Privet</c>, emoji → their names); drop apostrophes; lowercase; turn every run of other
/// characters into one hyphen; trim hyphens; shorten to <see cref="Slug.MaxLength"/> at a word boundary.
/// Apostrophes (and the backtick AnyAscii uses for Arabic 'ayn) are dropped rather than hyphenated because
/// they sit inside words: <c>Don't stop</c> gives <c>dont-stop</c>, not <c>don-t-stop</c>; the price is that
/// <c>l'amour</c> gives <c>lamour</c>. Transliteration tables can change between AnyAscii versions, so a
/// published slug should be stored, not re-derived.
/// </remarks>
public static class SlugGenerator
{
    private const string FallbackPrefix = "article-";

    /// <summary>
    /// Derives the slug for <paramref name="title"/>. When nothing usable is left (a title of only symbols
    /// that have no ASCII form) the slug is <c>article-</c> plus the first 8 hex digits of the SHA-256 of the
    /// title's UTF-8 bytes, which is stable for the same title.
    /// </summary>
    public static Slug FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return Derive(title, title);
    }

    /// <summary>
    /// Derives the slug for a file name such as <c>posts/Café déjà vu.md</c>: folders and the extension are
    /// ignored and the rest is treated as a title. The fallback hash is of the whole name given.
    /// </summary>
    public static Slug FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);

        // Both separators, whatever the OS: names arrive from blob paths and Windows uploads alike.
        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }

        return Derive(name, fileName);
    }

    private static Slug Derive(string text, string hashSource)
    {
        var candidate = Shorten(Hyphenate(text.Transliterate()));
        return Slug.TryParse(candidate, out var slug, out _) ? slug : Fallback(hashSource);
    }

    private static string Hyphenate(string ascii)
    {
        var slug = new StringBuilder(ascii.Length);
        var pendingHyphen = false;
        foreach (var c in ascii)
        {
            if (c is '\'' or '`')
            {
                continue;
            }

            var lower = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingHyphen = false;
                slug.Append(lower);
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return slug.ToString();
    }

    /// <summary>Cuts at the last hyphen that fits, so words are not split unless a single word is too long.</summary>
    private static string Shorten(string slug)
    {
        if (slug.Length <= Slug.MaxLength)
        {
            return slug;
        }

        if (slug[Slug.MaxLength] == '-')
        {
            return slug[..Slug.MaxLength];
        }

        var lastHyphen = slug.LastIndexOf('-', Slug.MaxLength - 1);
        return lastHyphen > 0 ? slug[..lastHyphen] : slug[..Slug.MaxLength];
    }

    private static Slug Fallback(string hashSource)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(hashSource));
        var candidate = FallbackPrefix + Convert.ToHexStringLower(hash, 0, 4);
        return Slug.TryParse(candidate, out var slug, out _)
            ? slug
            : throw new InvalidOperationException($"The fallback slug '{candidate}' is invalid.");
    }
}
