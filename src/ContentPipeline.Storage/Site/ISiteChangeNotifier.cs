namespace ContentPipeline.Storage.Site;

/// <summary>
/// Told whenever the catalog or an article page changed, so the listings that show articles are rebuilt
/// (coalesced) and the changed paths are purged from the CDN.
/// </summary>
public interface ISiteChangeNotifier
{
    /// <summary>Records that the site changed; <paramref name="changedPaths"/> are site paths whose bytes changed or went away.</summary>
    Task NotifyAsync(IReadOnlyCollection<string> changedPaths, CancellationToken cancellationToken = default);
}
