namespace ContentPipeline.Core.Articles;

/// <summary>A source file as uploaded: its bytes, its format and the name it came with.</summary>
/// <param name="Content">The raw bytes; expected to be UTF-8.</param>
/// <param name="Format">How to read the content.</param>
/// <param name="FileName">The file name; the title falls back to it.</param>
public sealed record ArticleSource(ReadOnlyMemory<byte> Content, ArticleFormat Format, string FileName);
