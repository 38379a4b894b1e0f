using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;

namespace ContentPipeline.Storage.Views;

/// <summary>
/// The view counters of articles: counting (group-committed, exact), reading, ranking and removing them.
/// Only readable articles count; the caller decides what is a view.
/// </summary>
public sealed class ViewCounter(CountableArticles countable, ViewCommitter committer, ViewCounterTable table, ArticleCatalog catalog)
{
    /// <summary>Most articles a ranking returns.</summary>
    public const int MaxTop = 100;

    /// <summary>Counts one view; returns the total including it, or null when the article is not readable.</summary>
    public async Task<long?> CountAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return await countable.IsCountableAsync(slug, cancellationToken).ConfigureAwait(false)
            ? await committer.CommitAsync(slug.Value, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>The exact stored total of a readable article, or null when it is not readable.</summary>
    public async Task<long?> ReadAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return await countable.IsCountableAsync(slug, cancellationToken).ConfigureAwait(false)
            ? await TotalAsync(slug, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>The exact stored total of <paramref name="slug"/>, whatever its state (0 when never viewed).</summary>
    public async Task<long> TotalAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return (await table.ReadAsync(slug.Value, cancellationToken).ConfigureAwait(false)).Total;
    }

    /// <summary>The <paramref name="count"/> most viewed readable articles, most viewed first (ties by slug).</summary>
    public async Task<IReadOnlyList<ArticleViews>> TopAsync(int count, CancellationToken cancellationToken = default)
    {
        count = Math.Clamp(count, 1, MaxTop);
        var totals = await table.ReadAllTotalsAsync(cancellationToken).ConfigureAwait(false);
        var top = new List<ArticleViews>(count);
        foreach (var (slugText, views) in totals.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            // Rows of an article deleted moments ago, or unpublished since, must not rank.
            if (Slug.TryParse(slugText, out var slug, out _) && await catalog.GetAsync(slug, cancellationToken).ConfigureAwait(false) is { IsReadable: true } entry)
            {
                top.Add(new ArticleViews(entry.Slug, entry.Title, views));
                if (top.Count == count)
                {
                    break;
                }
            }
        }

        return top;
    }

    /// <summary>Removes every counter row of <paramref name="slug"/>, as part of unpublishing it.</summary>
    public async Task DeleteAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        countable.Forget(slug);
        await table.DeleteAllAsync(slug.Value, cancellationToken).ConfigureAwait(false);
        committer.Forget(slug.Value);
    }
}

/// <summary>An article and its number of views.</summary>
public sealed record ArticleViews(string Slug, string Title, long Views);
