using System.Text;

namespace ContentPipeline.Core.Sanitizing;

/// <summary>
/// Decides which URLs untrusted content may carry in links, images and other URL-bearing attributes.
/// Allowed: <c>http:</c>, <c>https:</c>, <c>mailto:</c>, and scheme-less references (relative paths,
/// <c>//host</c>, <c>?query</c>, <c>#fragment</c>). Everything else with a scheme (<c>javascript:</c>,
/// <c>vbscript:</c>, <c>data:</c>, <c>file:</c>, …) is unsafe.
/// </summary>
/// <remarks>
/// The Markdown link policy and <see cref="HtmlFragmentSanitizer"/> both ask this class, so a URL is judged
/// the same way whichever route it came in by. Values are expected to be decoded already (the HTML parser
/// has resolved character references); nothing is decoded here. The checks follow how browsers read a URL,
/// not how <see cref="Uri"/> does: leading and trailing C0 controls and spaces are ignored, tabs and line
/// breaks anywhere are ignored, and scheme names are case-insensitive.
/// </remarks>
public static class UrlPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private static readonly string[] ExternalSchemes = ["http", "https"];

    /// <summary>U+0000 to U+0020: what the URL parser strips from both ends of an input.</summary>
    private static readonly string C0ControlsAndSpace = new([.. Enumerable.Range(0, 0x21).Select(i => (char)i)]);

    /// <summary>
    /// Whether <paramref name="url"/> may appear in a URL attribute. An empty value is safe (it refers to the
    /// current document); <see langword="null"/> is not, as there is nothing to judge.
    /// </summary>
    public static bool IsSafe(string? url)
    {
        if (url is null)
        {
            return false;
        }

        var cleaned = AsBrowserReadsIt(url);

        // Browsers percent-encode other control characters, but no legitimate article URL contains one, and
        // a rejected link is cheaper than reasoning about every parser's treatment of them.
        foreach (var c in cleaned)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return SchemeOf(cleaned) switch
        {
            SchemeResult.None => true,
            SchemeResult.Obfuscated => false,
            _ => IsOneOf(cleaned, AllowedSchemes),
        };
    }

    /// <summary>
    /// Whether <paramref name="url"/> leads to another site: an absolute <c>http:</c>/<c>https:</c> URL or a
    /// protocol-relative <c>//host</c> reference. Such links get <c>rel="noopener noreferrer"</c>.
    /// </summary>
    public static bool IsExternal(string? url)
    {
        if (url is null)
        {
            return false;
        }

        var cleaned = AsBrowserReadsIt(url);

        // Browsers treat a backslash like a slash in http(s) URLs, so "\\host" and "/\host" leave the site too.
        if (cleaned.Length >= 2 && IsSlash(cleaned[0]) && IsSlash(cleaned[1]))
        {
            return true;
        }

        return SchemeOf(cleaned) == SchemeResult.Present && IsOneOf(cleaned, ExternalSchemes);
    }

    private static bool IsSlash(char c) => c is '/' or '\\';

    /// <summary>
    /// Applies the URL parser's first steps: strip leading/trailing C0 controls and spaces, drop tabs and
    /// line breaks. This is what turns " java\tscript:" into "javascript:" in a browser.
    /// </summary>
    private static string AsBrowserReadsIt(string url)
    {
        var trimmed = url.AsSpan().Trim(C0ControlsAndSpace);
        var cleaned = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                cleaned.Append(c);
            }
        }

        return cleaned.ToString();
    }

    /// <summary>
    /// Looks for a scheme: a colon before the first '/', '\', '?' or '#'. Anything before such a colon counts
    /// as a scheme even when it is not a syntactically valid one ("java script:"), so odd spellings are
    /// refused rather than guessed at. An '&amp;' in that position means an undecoded character reference
    /// (<c>&amp;#106;avascript:</c>), which a later decoding step could turn into a scheme; it is refused too.
    /// </summary>
    private static SchemeResult SchemeOf(string url)
    {
        for (var i = 0; i < url.Length; i++)
        {
            switch (url[i])
            {
                case ':':
                    return SchemeResult.Present;
                case '&':
                    return SchemeResult.Obfuscated;
                case '/' or '\\' or '?' or '#':
                    return SchemeResult.None;
            }
        }

        return SchemeResult.None;
    }

    private static bool IsOneOf(string url, string[] schemes)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var scheme = url.AsSpan(0, colon);

        // Ordinal-ignore-case would also match non-ASCII case folds (the long s 'ſ' upper-cases to 'S');
        // scheme names are ASCII, so compare ASCII only.
        foreach (var allowed in schemes)
        {
            if (Ascii.EqualsIgnoreCase(scheme, allowed))
            {
                return true;
            }
        }

        return false;
    }

    private enum SchemeResult
    {
        None,
        Present,
        Obfuscated,
    }
}
