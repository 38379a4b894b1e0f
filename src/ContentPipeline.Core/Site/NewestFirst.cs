namespace ContentPipeline.Core.Site;

/// <summary>
/// The order of every listing: newest <see cref="ListedArticle.Date"/> first, then slug in ordinal order. Slugs are
/// unique, so the order is total and the output never depends on the order the articles arrived in.
/// </summary>
internal sealed class NewestFirst : IComparer<ListedArticle>
{
    /// <summary>The comparer; it holds no state.</summary>
    public static NewestFirst Instance { get; } = new();

    private NewestFirst()
    {
    }

    /// <inheritdoc/>
    public int Compare(ListedArticle? x, ListedArticle? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byDate = y.Date.CompareTo(x.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(x.Slug.Value, y.Slug.Value);
    }

    /// <summary>
    /// Sorts <paramref name="articles"/> newest first into a new array. Two articles with one slug are a caller's
    /// bug (there would be no telling which one the site shows), so they are refused.
    /// </summary>
    public static ListedArticle[] Sort(IEnumerable<ListedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var sorted = articles.ToArray();
        var slugs = new HashSet<string>(sorted.Length, StringComparer.Ordinal);
        foreach (var article in sorted)
        {
            ArgumentNullException.ThrowIfNull(article, nameof(articles));
            if (!slugs.Add(article.Slug.Value))
            {
                throw new ArgumentException($"The article '{article.Slug}' is listed more than once.", nameof(articles));
            }
        }

        Array.Sort(sorted, Instance);
        return sorted;
    }
}
