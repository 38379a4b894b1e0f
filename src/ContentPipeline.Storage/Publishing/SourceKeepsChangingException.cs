namespace ContentPipeline.Storage.Publishing;

/// <summary>
/// A source was replaced during every render pass of one publish. Not a failure of the article: the invocation fails
/// so that the host retries it later, when the writes have settled.
/// </summary>
public sealed class SourceKeepsChangingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SourceKeepsChangingException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public SourceKeepsChangingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public SourceKeepsChangingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
