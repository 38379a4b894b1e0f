using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Files;

/// <summary>A file that can be published: its slug comes from its name (see <see cref="FileSlug"/>), its format from its extension.</summary>
/// <param name="Path">Full path.</param>
/// <param name="DisplayPath">The path as shown to the editor, relative to the folder they work in where possible.</param>
/// <param name="Slug">The article's slug.</param>
/// <param name="Format">The source format.</param>
internal sealed record ArticleFile(string Path, string DisplayPath, Slug Slug, ArticleFormat Format);
