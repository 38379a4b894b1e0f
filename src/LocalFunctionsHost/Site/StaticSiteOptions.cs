namespace LocalFunctionsHost.Site;

/// <summary>
/// The two settings of an Azure Storage static website: the index document and the 404 error document.
/// </summary>
public sealed class StaticSiteOptions
{
    /// <summary>The container Azure serves a static website from.</summary>
    public const string DefaultContainerName = "$web";

    /// <summary>
    /// The blob name served for the root and for any path that ends in a slash (or names no blob but a folder holding one),
    /// e.g. index.html; case-sensitive, as in Azure.
    /// </summary>
    public string IndexDocument { get; init; } = "index.html";

    /// <summary>
    /// The blob (path from the container root) served with status 404 when nothing matches;
    /// <see langword="null"/> gives a plain 404, as Azure does when no error document is set.
    /// </summary>
    public string? ErrorDocument404Path { get; init; } = "404.html";
}
