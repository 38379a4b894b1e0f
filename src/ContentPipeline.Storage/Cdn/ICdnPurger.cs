namespace ContentPipeline.Storage.Cdn;

/// <summary>Removes site paths from the CDN's cache after their bytes changed, so readers get the new ones at once.</summary>
public interface ICdnPurger
{
    /// <summary>Purges <paramref name="paths"/> (site-relative, such as <c>articles/x/index.html</c>).</summary>
    Task PurgeAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default);
}

/// <summary>No CDN (locally, or purging switched off): nothing to purge.</summary>
public sealed class NoCdnPurger : ICdnPurger
{
    /// <inheritdoc />
    public Task PurgeAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
