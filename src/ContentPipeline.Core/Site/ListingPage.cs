namespace ContentPipeline.Core.Site;

/// <summary>One page of a paged listing (the home page or a tag's page).</summary>
/// <param name="Number">The page number, from 1.</param>
/// <param name="Count">How many pages the listing has; at least 1, since an empty listing still has its first page.</param>
/// <param name="Path">The file in the site container.</param>
/// <param name="Url">The canonical URL.</param>
/// <param name="PreviousUrl">The page before (newer articles), if any.</param>
/// <param name="NextUrl">The page after (older articles), if any.</param>
/// <param name="Articles">The articles on this page, newest first.</param>
internal sealed record ListingPage(int Number, int Count, string Path, Uri Url, Uri? PreviousUrl, Uri? NextUrl, ArraySegment<ListedArticle> Articles)
{
    /// <summary>
    /// Splits <paramref name="newestFirst"/> into pages of <paramref name="pageSize"/> listed in <paramref name="folder"/>
    /// ("" for the home page). Slices share the array, so paging costs nothing per article.
    /// </summary>
    public static IEnumerable<ListingPage> Split(Uri siteBaseUrl, string folder, ListedArticle[] newestFirst, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var count = Math.Max(1, (newestFirst.Length + pageSize - 1) / pageSize);
        for (var number = 1; number <= count; number++)
        {
            var start = (number - 1) * pageSize;
            yield return new ListingPage(
                number,
                count,
                SitePaths.ListingPage(folder, number),
                SitePaths.ListingPageUrl(siteBaseUrl, folder, number),
                number > 1 ? SitePaths.ListingPageUrl(siteBaseUrl, folder, number - 1) : null,
                number < count ? SitePaths.ListingPageUrl(siteBaseUrl, folder, number + 1) : null,
                new ArraySegment<ListedArticle>(newestFirst, start, Math.Min(pageSize, newestFirst.Length - start)));
        }
    }
}
