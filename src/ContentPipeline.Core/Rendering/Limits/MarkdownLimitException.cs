namespace ContentPipeline.Core.Rendering.Limits;

/// <summary>
/// A Markdown source passed one of the <see cref="MarkdownLimitsExtension"/> limits. Markdig gives its parsers no
/// other way to stop a parse, so the limit parsers throw this and the article parser turns it into a failed result.
/// </summary>
public sealed class MarkdownLimitException : Exception
{
    /// <summary>Creates the exception for a limit passed on <paramref name="line"/> (1-based).</summary>
    public MarkdownLimitException(string message, int line)
        : base(message) => Line = line;

    /// <summary>Creates the exception without a line.</summary>
    public MarkdownLimitException()
    {
    }

    /// <summary>Creates the exception without a line.</summary>
    public MarkdownLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a line.</summary>
    public MarkdownLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The 1-based source line the limit was passed on, when known.</summary>
    public int? Line { get; }
}
