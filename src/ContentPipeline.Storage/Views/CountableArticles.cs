using System.Collections.Concurrent;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Storage.Catalog;

namespace ContentPipeline.Storage.Views;

/// <summary>
/// Answers "may this slug count views?" from the catalog: only readable articles do, so no counter is ever created
/// for an arbitrary string. Positive answers are remembered for a while, so a hot article costs no catalog read per
/// view; negative ones are not, so an article counts as soon as it is published.
/// </summary>
public sealed class CountableArticles(ArticleCatalog catalog, ViewCounterOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> readableUntil = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="slug"/> is a readable article.</summary>
    public async Task<bool> IsCountableAsync(Slug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var now = time.GetUtcNow();
        if (readableUntil.TryGetValue(slug.Value, out var until) && until > now)
        {
            return true;
        }

        var entry = await catalog.GetAsync(slug, cancellationToken).ConfigureAwait(false);
        if (entry is { IsReadable: true })
        {
            readableUntil[slug.Value] = now + options.CountableCacheDuration;
            return true;
        }

        readableUntil.TryRemove(slug.Value, out _);
        return false;
    }

    /// <summary>Forgets what is known about <paramref name="slug"/>, when it is unpublished here.</summary>
    public void Forget(Slug slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        readableUntil.TryRemove(slug.Value, out _);
    }
}
