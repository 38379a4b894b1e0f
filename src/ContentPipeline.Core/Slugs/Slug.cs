using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ContentPipeline.Core.Slugs;

/// <summary>
/// The URL-safe name of an article: 1–80 characters of lowercase ASCII letters and digits, in runs joined by
/// single hyphens (<c>my-first-post</c>). A slug ends up in URLs and blob names, so anything that could
/// traverse a path, be decoded into something else or look like another slug (<c>..</c>, <c>/</c>,
/// <c>%2F</c>, look-alike Unicode letters, bidi controls) is refused rather than cleaned up, and so are the device
/// names Windows reserves (<c>con</c>, <c>nul</c>, <c>com1</c>, …).
/// </summary>
/// <remarks>
/// A class rather than a struct so that every <see cref="Slug"/> that exists has passed validation; a
/// struct's <c>default</c> would be a slug with no value.
/// </remarks>
public sealed record Slug
{
    /// <summary>The longest slug accepted.</summary>
    public const int MaxLength = 80;

    private const string Rule = "use only lowercase a-z, 0-9 and single hyphens, 1–80 characters.";

    /// <summary>How much of an over-long value an error message quotes.</summary>
    private const int QuotedPrefixLength = 20;

    private Slug(string value) => Value = value;

    /// <summary>The validated slug text.</summary>
    public string Value { get; }

    /// <summary>
    /// Accepts <paramref name="text"/> if it already is a valid slug. Nothing is normalised: <c>Foo</c> is
    /// refused, not lowercased, so the slug an author wrote is exactly the one that is published.
    /// </summary>
    /// <param name="text">The candidate slug.</param>
    /// <param name="slug">The slug when valid; otherwise <see langword="null"/>.</param>
    /// <param name="error">
    /// When invalid, a message saying what to fix. Characters in it that could be misread or misused in a log
    /// or HTTP response (controls, bidi overrides, non-ASCII, quotes, angle brackets) appear as <c>\uXXXX</c>.
    /// </param>
    /// <returns>Whether <paramref name="text"/> is a valid slug.</returns>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out Slug? slug,
        [NotNullWhen(false)] out string? error)
    {
        slug = null;
        error = Problem(text);
        if (error is not null)
        {
            return false;
        }

        slug = new Slug(text!);
        return true;
    }

    /// <summary>Returns <see cref="Value"/>, so a slug can be interpolated into paths and URLs directly.</summary>
    public override string ToString() => Value;

    private static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return $"Slug is empty: {Rule}";
        }

        if (text.Length > MaxLength)
        {
            return $"Slug '{Quote(text.AsSpan(0, QuotedPrefixLength))}…' is {text.Length} characters long: {Rule}";
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!IsSlugCharacter(text[i]))
            {
                var length = char.IsSurrogatePair(text, i) ? 2 : 1;
                return $"Slug '{Quote(text)}' contains '{Quote(text.AsSpan(i, length))}': {Rule}";
            }
        }

        if (text[0] == '-')
        {
            return $"Slug '{Quote(text)}' starts with a hyphen: {Rule}";
        }

        if (text[^1] == '-')
        {
            return $"Slug '{Quote(text)}' ends with a hyphen: {Rule}";
        }

        if (text.Contains("--", StringComparison.Ordinal))
        {
            return $"Slug '{Quote(text)}' contains '--': {Rule}";
        }

        if (IsWindowsDeviceName(text))
        {
            return $"Slug '{text}' is a device name Windows reserves (con, prn, aux, nul, com0-com9, lpt0-lpt9): its source '{text}.md' and "
                + $"page folder 'articles/{text}/' could not be copied to a Windows disk; choose another slug.";
        }

        return null;
    }

    /// <summary>
    /// Names Windows keeps for devices, with or without an extension. Blob storage and the site do not care, but
    /// anyone who copies the sources or the site to a Windows disk (azcopy, Storage Explorer) would lose the article.
    /// Names the site itself uses (<c>index</c>, <c>tags</c>, <c>page</c>, <c>assets</c>) are fine: pages live in
    /// <c>articles/{slug}/</c>, apart from every site-level path.
    /// </summary>
    private static bool IsWindowsDeviceName(string text) =>
        text is "con" or "prn" or "aux" or "nul"
        || (text.Length == 4 && (text.StartsWith("com", StringComparison.Ordinal) || text.StartsWith("lpt", StringComparison.Ordinal)) && char.IsAsciiDigit(text[3]));

    // Deliberately not char.IsLetterOrDigit: that accepts Cyrillic, fullwidth and other letters that look like
    // ASCII ones.
    private static bool IsSlugCharacter(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';

    /// <summary>
    /// Makes user text safe to repeat in a message: printable ASCII stays readable, everything else becomes
    /// <c>\uXXXX</c> so that a bidi override cannot reorder the message, a control character cannot forge a
    /// log line, and a Cyrillic 'а' is visibly not a Latin 'a'.
    /// </summary>
    private static string Quote(ReadOnlySpan<char> text)
    {
        var quoted = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~' and not ('\\' or '\'' or '"' or '<' or '>' or '&' or '`'))
            {
                quoted.Append(c);
            }
            else
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return quoted.ToString();
    }
}
