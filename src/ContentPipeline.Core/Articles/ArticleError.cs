using System.Globalization;

namespace ContentPipeline.Core.Articles;

/// <summary>Why a source cannot be published, in words that tell the editor what to fix.</summary>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">The 1-based line of the source the problem is on, when there is one.</param>
public sealed record ArticleError(string Message, int? Line = null)
{
    private const string LinePrefix = "Line ";

    /// <summary>
    /// Reads back the text <see cref="ToString"/> wrote (the catalog stores errors as that text), so a client can
    /// show the line apart from the message. Text without a line prefix is a message without a line.
    /// </summary>
    public static ArticleError Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(LinePrefix, StringComparison.Ordinal))
        {
            var colon = text.IndexOf(": ", LinePrefix.Length, StringComparison.Ordinal);
            if (colon > LinePrefix.Length
                && int.TryParse(text.AsSpan(LinePrefix.Length, colon - LinePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
                && line > 0)
            {
                return new ArticleError(text[(colon + 2)..], line);
            }
        }

        return new ArticleError(text);
    }

    /// <inheritdoc />
    public override string ToString() => Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{LinePrefix}{line}: {Message}") : Message;
}
