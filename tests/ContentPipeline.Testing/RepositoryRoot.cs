namespace ContentPipeline.Testing;

/// <summary>
/// Finds the clone the tests run from, so that they read the repository's own files
/// (samples, node_modules) whatever the folder the clone was made in.
/// </summary>
internal static class RepositoryRoot
{
    private const string MarkerFileName = "Functions.sln";

    public static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' holds {MarkerFileName}; the tests must run from a build inside the repository.");
    }
}
