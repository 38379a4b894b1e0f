using ContentPipeline.Core.Articles;

namespace ContentPipeline.Storage.Ingest;

/// <summary>A file an editor uploaded over HTTP.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="Format">Its format, from the media type.</param>
/// <param name="FileName">Its name, if the client sent one; used only as a last-resort title.</param>
public sealed record ArticleUpload(ReadOnlyMemory<byte> Content, ArticleFormat Format, string FileName);
