namespace ContentPipeline.Core.Articles;

/// <summary>Why a source cannot be published, in words that tell the editor what to fix.</summary>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">The 1-based line of the source the problem is on, when there is one.</param>
public sealed record ArticleError(string Message, int? Line = null)
{
    /// <inheritdoc />
    public override string ToString() => Line is { } line ? $"Line {line}: {Message}" : Message;
}
