using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Site;

/// <summary>
/// The tags of a set of articles, grouped by slug in one pass (O(total tags)); each distinct spelling is slugged
/// once, because transliterating is the costly part.
/// </summary>
internal sealed class TagIndex
{
    private readonly Dictionary<string, SiteTag> bySpelling;

    private TagIndex(IReadOnlyList<SiteTag> all, Dictionary<string, SiteTag> bySpelling)
    {
        All = all;
        this.bySpelling = bySpelling;
    }

    /// <summary>
    /// Every tag, ordered by slug: an ASCII transliteration, so the order is alphabetical for Latin names, puts
    /// other scripts where their transliteration falls, and is the same on every machine (no culture rules).
    /// </summary>
    public IReadOnlyList<SiteTag> All { get; }

    /// <summary>The tag a spelling belongs to; every spelling of the indexed articles has one.</summary>
    public SiteTag Of(string spelling) => bySpelling[spelling];

    /// <summary>Groups the tags of <paramref name="newestFirst"/>; each tag's articles keep that order.</summary>
    public static TagIndex Build(IReadOnlyList<ListedArticle> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var slugs = new Dictionary<string, Slug>(StringComparer.Ordinal);
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var article in newestFirst)
        {
            foreach (var spelling in article.Tags)
            {
                if (!slugs.TryGetValue(spelling, out var slug))
                {
                    slug = SiteUrls.TagSlug(spelling);
                    slugs.Add(spelling, slug);
                }

                if (!groups.TryGetValue(slug.Value, out var group))
                {
                    group = new Group(slug);
                    groups.Add(slug.Value, group);
                }

                group.Add(article, spelling);
            }
        }

        var all = groups.Values.Select(g => g.ToTag()).OrderBy(t => t.Slug.Value, StringComparer.Ordinal).ToArray();
        var bySlug = all.ToDictionary(t => t.Slug.Value, StringComparer.Ordinal);
        var bySpelling = slugs.ToDictionary(pair => pair.Key, pair => bySlug[pair.Value.Value], StringComparer.Ordinal);
        return new TagIndex(all, bySpelling);
    }

    private sealed class Group(Slug slug)
    {
        private readonly List<ListedArticle> articles = [];
        private readonly Dictionary<string, int> spellings = new(StringComparer.Ordinal);

        public void Add(ListedArticle article, string spelling)
        {
            // Articles arrive one at a time with all their tags, so a repeat (two spellings of one tag) is the last one added.
            if (articles.Count == 0 || !ReferenceEquals(articles[^1], article))
            {
                articles.Add(article);
            }

            spellings[spelling] = spellings.GetValueOrDefault(spelling) + 1;
        }

        public SiteTag ToTag()
        {
            var name = spellings
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .First().Key;
            return new SiteTag(slug, name, [.. articles]);
        }
    }
}
