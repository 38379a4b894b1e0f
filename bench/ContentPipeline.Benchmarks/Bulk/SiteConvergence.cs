using System.Collections.Concurrent;
using System.Globalization;
using ContentPipeline.Core.Site;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// Checks whether the site has converged on <see cref="ExpectedSite"/>, cheapest evidence first, because every
/// request it makes competes with the pipeline it measures for the same storage emulator.
/// </summary>
/// <remarks>
/// <para>
/// The gate is the sitemap: a rebuild writes it from the catalog, which records an article as published only after
/// its page is written, so until the sitemap lists every article nothing else can be right. A check reads the
/// sitemap's properties alone (its content hash), and downloads it only when a rebuild has changed it.
/// </para>
/// <para>
/// Once the sitemap is right, the check lists the article pages and the listing files, and downloads every listing
/// file whose hash differs from the one it last checked; a rebuild still writing its later files costs another
/// check or two. An earlier version listed the article pages on every check, four times a second: that alone
/// took a third of the emulator's time and made a 1,000-article run 40% slower.
/// </para>
/// </remarks>
internal sealed class SiteConvergence(SiteReader site, ExpectedSite expected)
{
    private const int DownloadConcurrency = 8;

    private readonly HashSet<string> pagesSeen = new(StringComparer.Ordinal);

    // Per file, the content hash last checked and what was wrong with it (null: it was right).
    private readonly ConcurrentDictionary<string, (string Hash, string? Problem)> verdicts = new(StringComparer.Ordinal);

    private int sitemapArticles;

    /// <summary>Looks at the site once.</summary>
    public async Task<SiteState> CheckAsync(CancellationToken cancellationToken = default)
    {
        var sitemap = await site.ReadListedFileAsync(SitePaths.Sitemap, cancellationToken);
        var sitemapProblem = sitemap is null ? $"no {SitePaths.Sitemap} yet" : await VerifyAsync(SitePaths.Sitemap, sitemap, cancellationToken);
        var state = new SiteState(sitemapArticles, ArticlePages: null, ListingFiles: null, Problem: sitemapProblem);
        if (sitemapProblem is not null)
        {
            return state;
        }

        // Pages only appear during a run, so once all are seen the articles folder, the largest, is not listed again.
        if (pagesSeen.Count < expected.Slugs.Count)
        {
            pagesSeen.UnionWith((await site.ReadArticlePagesAsync(cancellationToken)).Where(expected.Slugs.Contains));
        }

        state = state with { ArticlePages = pagesSeen.Count };
        if (pagesSeen.Count < expected.Slugs.Count)
        {
            var missing = expected.Slugs.Where(s => !pagesSeen.Contains(s)).Order(StringComparer.Ordinal).First();
            return state with { Problem = $"{expected.Slugs.Count - pagesSeen.Count} article pages missing (e.g. {missing})" };
        }

        var files = await site.ReadListingFilesAsync(cancellationToken);
        state = state with { ListingFiles = files };
        if (DescribeFileSetDifference(files) is { } difference)
        {
            return state with { Problem = difference };
        }

        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = DownloadConcurrency, CancellationToken = cancellationToken },
            async (file, token) =>
            {
                if (await VerifyAsync(file.Key, file.Value, token) is { } problem)
                {
                    problems.Add(problem);
                }
            });
        return state with
        {
            Problem = problems.Order(StringComparer.Ordinal).FirstOrDefault() is { } first
                ? string.Create(CultureInfo.InvariantCulture, $"{problems.Count} listing files not yet right, e.g. {first}")
                : null,
        };
    }

    private string? DescribeFileSetDifference(IReadOnlyDictionary<string, ListedFile> files)
    {
        var missing = expected.ListingFiles.Where(f => !files.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        var extra = files.Keys.Where(f => !expected.ListingFiles.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count + extra.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add($"{missing.Count} missing (e.g. {missing[0]})");
        }

        if (extra.Count > 0)
        {
            parts.Add($"{extra.Count} not expected (e.g. {extra[0]})");
        }

        return string.Create(CultureInfo.InvariantCulture, $"listing files {files.Count} of {expected.ListingFiles.Count}: {string.Join(", ", parts)}");
    }

    // Null when the file is right as listed; otherwise what is wrong.
    private async Task<string?> VerifyAsync(string path, ListedFile listed, CancellationToken cancellationToken)
    {
        if (listed.ContentHash is not null && verdicts.TryGetValue(path, out var verdict) && verdict.Hash == listed.ContentHash)
        {
            return verdict.Problem;
        }

        if (await site.DownloadAsync(path, cancellationToken) is not { } download)
        {
            return $"{path} was deleted";
        }

        var problem = Check(path, download.Text);
        if (download.ContentHash is not null)
        {
            verdicts[path] = (download.ContentHash, problem);
        }

        // Rewritten between the listing and the download: what was listed was not checked; the next check will.
        return listed.ContentHash is null || download.ContentHash == listed.ContentHash ? problem : problem ?? $"{path} changed while it was read";
    }

    private string? Check(string path, string text)
    {
        if (expected.ListingPages.TryGetValue(path, out var slugs))
        {
            return CompareSequence(path, ListingParser.ArticleLinks(text), slugs);
        }

        switch (path)
        {
            case SitePaths.TagsIndex:
                var tags = ListingParser.TagLinks(text);
                return tags.SetEquals(expected.TagSlugs)
                    ? null
                    : string.Create(CultureInfo.InvariantCulture, $"{path} links {tags.Count} tags, expected {expected.TagSlugs.Count}");
            case SitePaths.Feed:
                return ListingParser.FeedEntries(text) is { } entries
                    ? CompareSequence(path, entries, expected.FeedSlugs)
                    : $"{path} is not a well-formed feed";
            case SitePaths.Sitemap:
                if (ListingParser.SitemapArticles(text) is not { } articles)
                {
                    return $"{path} is not a well-formed sitemap";
                }

                sitemapArticles = articles.Distinct(StringComparer.Ordinal).Count(expected.Slugs.Contains);
                return articles.Count == expected.Slugs.Count && sitemapArticles == expected.Slugs.Count
                    ? null
                    : string.Create(CultureInfo.InvariantCulture, $"{path} lists {articles.Count} article URLs, {sitemapArticles} of the {expected.Slugs.Count} expected");
            default:
                return null; // robots.txt, 404.html: being there is enough.
        }
    }

    private static string? CompareSequence(string path, IReadOnlyList<string> actual, IReadOnlyList<string> wanted)
    {
        var length = Math.Min(actual.Count, wanted.Count);
        for (var i = 0; i < length; i++)
        {
            if (!string.Equals(actual[i], wanted[i], StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{path} has {actual[i]} at position {i + 1}, expected {wanted[i]}");
            }
        }

        return actual.Count == wanted.Count
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{path} lists {actual.Count} articles, expected {wanted.Count}");
    }
}

/// <summary>
/// One look at the site: how many of the expected articles the sitemap lists, how many article pages exist and the
/// listing files with their write counts (null until the sitemap is right: not read before), and the first thing
/// still wrong (null when the site has converged).
/// </summary>
internal sealed record SiteState(int SitemapArticles, int? ArticlePages, IReadOnlyDictionary<string, ListedFile>? ListingFiles, string? Problem)
{
    public bool Converged => Problem is null;
}
