using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Site;

/// <summary>
/// A tag as the site lists it: every spelling that gives the same slug (<c>C#</c>, <c>c#</c>) shares one page.
/// </summary>
/// <param name="Slug">The slug of the tag's page, from <see cref="Rendering.SiteUrls.TagSlug"/>.</param>
/// <param name="Name">The spelling shown: the one most articles use, ties going to the first in ordinal order.</param>
/// <param name="Articles">The articles carrying the tag in any spelling, newest first, each once.</param>
internal sealed record SiteTag(Slug Slug, string Name, ListedArticle[] Articles);
