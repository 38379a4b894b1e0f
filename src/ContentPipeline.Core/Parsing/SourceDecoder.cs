using System.Text;
using ContentPipeline.Core.Articles;

namespace ContentPipeline.Core.Parsing;

/// <summary>
/// Turns uploaded bytes into text: strict UTF-8 only, a leading BOM dropped, line endings normalised to LF.
/// Anything else is refused with the position to look at, never guessed or replaced with U+FFFD.
/// </summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="content"/>, or says why it is not UTF-8 text.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> content, out string text, out ArticleError? error)
    {
        text = "";
        error = null;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            error = new ArticleError("The file is UTF-16 encoded; save it as UTF-8 and upload it again.", 1);
            return false;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var nul = content.IndexOf((byte)0);
        if (nul >= 0)
        {
            error = new ArticleError(
                $"The file contains a NUL byte at offset {nul}, so it is binary or UTF-16 without a byte order mark; upload UTF-8 text.",
                LineAt(content, nul));
            return false;
        }

        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(ex.Index, 0);
            error = new ArticleError(
                $"The file is not valid UTF-8 (bad byte sequence at offset {offset}); save it as UTF-8 and upload it again.",
                LineAt(content, offset));
            return false;
        }

        text = NormalizeLineEndings(text);
        return true;
    }

    private static string NormalizeLineEndings(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    private static int LineAt(ReadOnlySpan<byte> content, int offset) =>
        content[..Math.Min(offset, content.Length)].Count((byte)'\n') + 1;
}
