using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ContentPipeline.Core;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Storage.Catalog;

/// <summary>
/// The catalog of articles in Table Storage: one row per article (partition <c>article</c>, row key = slug).
/// Every change is a conditional read-modify-write, so concurrent writers never overwrite each other blindly.
/// </summary>
public sealed class ArticleCatalog
{
    /// <summary>Most entries one list call returns.</summary>
    public const int MaxPageSize = 100;

    private const string RejectedPartition = "rejected";
    // Enough for a burst of uploads and trigger runs on one slug (ten clients at once make about twenty writers).
    private const int MaxAttempts = 20;

    private readonly TableClient table;

    /// <summary>Creates a catalog on the table named in <paramref name="options"/>.</summary>
    public ArticleCatalog(TableServiceClient tables, ContentPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        table = tables.GetTableClient(options.CatalogTable);
    }

    /// <summary>The entry of <paramref name="slug"/>, or null when there is none.</summary>
    public async Task<CatalogEntry?> GetAsync(Slug slug, CancellationToken cancellationToken = default) =>
        (await ReadAsync(slug, cancellationToken).ConfigureAwait(false))?.Entry;

    /// <summary>
    /// Applies <paramref name="change"/> to the current entry (null when absent) and stores the result with a
    /// conditional write, retrying on conflict with the fresh entry. A change that returns null writes nothing.
    /// Returns the entry as stored afterwards.
    /// </summary>
    public Task<CatalogEntry?> UpdateAsync(Slug slug, Func<CatalogEntry?, CatalogEntry?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return UpdateAsync(slug, (current, _) => ValueTask.FromResult(change(current)), cancellationToken);
    }

    /// <summary>
    /// Like <see cref="UpdateAsync(Slug, Func{CatalogEntry?, CatalogEntry?}, CancellationToken)"/>, for a change that
    /// has to look elsewhere first (a source's current version, say). It runs between reading the entry and the
    /// conditional write, so whatever it checks, it checks after every write the entry it was given already holds.
    /// </summary>
    public async Task<CatalogEntry?> UpdateAsync(Slug slug, Func<CatalogEntry?, CancellationToken, ValueTask<CatalogEntry?>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(slug, cancellationToken).ConfigureAwait(false);
            var next = await change(current?.Entry, cancellationToken).ConfigureAwait(false);
            if (next is null || next == current?.Entry)
            {
                return current?.Entry;
            }

            try
            {
                var entity = CatalogEntityMapper.ToEntity(next with { Slug = slug.Value });
                if (current is { } existing)
                {
                    await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await CreateOnFirstUse.RunAsync(table, () => table.AddEntityAsync(entity, cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer got there first: back off a little, with jitter, and re-apply on its result.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Removes the entry of <paramref name="slug"/>; removing an absent entry succeeds.</summary>
    public async Task DeleteAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.DeleteEntityAsync(CatalogEntityMapper.ArticlePartition, slug.Value, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: deleting is idempotent.
        }
    }

    /// <summary>Every article entry, in no particular order: what the site's listings are built from.</summary>
    public async Task<IReadOnlyList<CatalogEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<CatalogEntry>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CatalogEntityMapper.ArticlePartition}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                entries.Add(CatalogEntityMapper.FromEntity(entity));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: no articles.
        }

        return entries;
    }

    /// <summary>
    /// Lists articles newest first (by date, or first-seen time when undated), <paramref name="limit"/> at a time.
    /// </summary>
    public async Task<CatalogPage> ListAsync(int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var after = ListCursor.TryDecode(continuationToken, out var cursor) ? cursor : (ListCursor?)null;
        var entries = await ReadAllAsync(cancellationToken).ConfigureAwait(false);

        var ordered = entries
            .Select(entry => (Entry: entry, Key: ListCursor.Of(entry)))
            .OrderBy(item => item.Key)
            .Where(item => after is null || item.Key.CompareTo(after.Value) > 0)
            .Take(limit + 1)
            .ToList();
        var page = ordered.Take(limit).ToList();
        var next = ordered.Count > limit ? page[^1].Key.Encode() : null;
        return new CatalogPage(page.Select(item => item.Entry).ToList(), next);
    }

    /// <summary>
    /// Records a source blob that cannot become an article at all (its name is not a valid slug), so the
    /// reason is kept next to the catalog rather than only in a log.
    /// </summary>
    public Task RecordRejectedSourceAsync(string blobName, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        // Blob names may hold characters row keys forbid ('/', '#', '?'); a hash is a stable, valid key.
        var rowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));
        var entity = new TableEntity(RejectedPartition, rowKey)
        {
            ["SourceBlob"] = blobName,
            ["Error"] = reason,
            ["RejectedAt"] = at,
        };
        return CreateOnFirstUse.RunAsync(table, () => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    private async Task<(CatalogEntry Entry, ETag ETag)?> ReadAsync(Slug slug, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(CatalogEntityMapper.ArticlePartition, slug.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasValue ? (CatalogEntityMapper.FromEntity(response.Value!), response.Value!.ETag) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table itself does not exist yet.
            return null;
        }
    }

    /// <summary>A position in the newest-first order: sort date descending, then slug.</summary>
    private readonly record struct ListCursor(long InvertedTicks, string Slug) : IComparable<ListCursor>
    {
        public static ListCursor Of(CatalogEntry entry) =>
            new(DateTimeOffset.MaxValue.UtcTicks - (entry.Date ?? entry.CreatedAt).UtcTicks, entry.Slug);

        public int CompareTo(ListCursor other)
        {
            var byDate = InvertedTicks.CompareTo(other.InvertedTicks);
            return byDate != 0 ? byDate : string.CompareOrdinal(Slug, other.Slug);
        }

        public string Encode() =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{InvertedTicks}:{Slug}")))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryDecode(string? token, out ListCursor cursor)
        {
            cursor = default;
            if (string.IsNullOrEmpty(token))
            {
                return false;
            }

            try
            {
                var base64 = token.Replace('-', '+').Replace('_', '/');
                base64 += new string('=', (4 - (base64.Length % 4)) % 4);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split(':', 2);
                if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
                {
                    cursor = new ListCursor(ticks, parts[1]);
                    return true;
                }
            }
            catch (FormatException)
            {
                // A malformed token is reported by the caller.
            }

            return false;
        }
    }

    /// <summary>True when <paramref name="token"/> is a continuation token this catalog issued (or empty).</summary>
    public static bool IsValidContinuationToken(string? token) => string.IsNullOrEmpty(token) || ListCursor.TryDecode(token, out _);
}
