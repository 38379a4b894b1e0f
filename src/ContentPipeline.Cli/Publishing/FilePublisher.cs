using ContentPipeline.Cli.Api;
using ContentPipeline.Cli.Files;
using ContentPipeline.Core.Articles;
using ContentPipeline.Storage.Sources;

namespace ContentPipeline.Cli.Publishing;

/// <summary>
/// Publishes scanned files: each file's SHA-256 is compared with the <c>sourceHash</c> the catalog has for its slug,
/// and only files that differ are uploaded, a bounded number at a time; then each upload is waited for until the
/// pipeline records a final status for exactly those bytes.
/// </summary>
internal sealed class FilePublisher(IArticleUploader uploader, PublicationWaiter waiter, PublishOptions options)
{
    /// <summary>
    /// Publishes <paramref name="scan"/>, given what the catalog had for its slugs (<paramref name="known"/>), and
    /// reports every result to <paramref name="progress"/> as it comes.
    /// </summary>
    public async Task<IReadOnlyList<ArticleResult>> PublishAsync(
        ArticleScan scan,
        IReadOnlyDictionary<string, ArticleInfo> known,
        IProgress<ArticleResult> progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(progress);
        var results = new List<ArticleResult>(scan.Count);
        foreach (var problem in scan.Problems)
        {
            results.Add(Report(ArticleResult.Problem(problem), progress));
        }

        using var uploads = new SemaphoreSlim(options.Parallelism);
        var published = await Task.WhenAll(scan.Articles.Select(async file =>
            Report(await PublishAsync(file, known.GetValueOrDefault(file.Slug.Value), uploads, cancellationToken), progress)));
        results.AddRange(published);
        return results;
    }

    private async Task<ArticleResult> PublishAsync(ArticleFile file, ArticleInfo? known, SemaphoreSlim uploads, CancellationToken cancellationToken)
    {
        string hash;
        await uploads.WaitAsync(cancellationToken);
        try
        {
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(file.Path, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return ArticleResult.Failed(file, $"The file cannot be read: {ex.Message}");
            }

            if (content.Length == 0)
            {
                return ArticleResult.Failed(file, "The file is empty.");
            }

            // The same hash the pipeline stores: SHA-256 of the raw bytes, before any decoding or line-ending change.
            hash = ArticleSourceStore.HashOf(content);
            if (known is not null && IsSameSource(known, hash, file.Format))
            {
                if (ArticleStatuses.IsFinal(known.Status))
                {
                    return ArticleResult.FromEntry(file, known, unchanged: true);
                }

                // These very bytes are already on their way (an earlier run's upload): wait for them, don't send them again.
            }
            else
            {
                var upload = await uploader.UploadAsync(file.Slug, file.Format, content, cancellationToken);
                if (!upload.IsAccepted)
                {
                    return ArticleResult.Failed(file, upload.Reason ?? "Refused.", upload.Line);
                }
            }
        }
        finally
        {
            uploads.Release();
        }

        var waited = await waiter.WaitAsync(file.Slug, hash, cancellationToken);
        return waited.Final is { } entry
            ? ArticleResult.FromEntry(file, entry, unchanged: false)
            : ArticleResult.NotFinished(file, waited.LastSeen, options.Timeout);
    }

    /// <summary>Same bytes in the same format: a <c>.md</c> renamed to <c>.txt</c> has the same hash but is read differently.</summary>
    private static bool IsSameSource(ArticleInfo known, string hash, ArticleFormat format) =>
        string.Equals(known.SourceHash, hash, StringComparison.Ordinal)
        && ArticleFormats.TryFromFileName(known.SourceBlob, out var knownFormat)
        && knownFormat == format;

    private static ArticleResult Report(ArticleResult result, IProgress<ArticleResult> progress)
    {
        progress.Report(result);
        return result;
    }
}
