namespace ContentPipeline.Testing;

/// <summary>
/// The real sample articles kept in the repository's tests/samples folder.
/// </summary>
public static class Samples
{
    /// <summary>A real article as the authoring tool exports it: title, timestamp line, body.</summary>
    public const string FundSecurityAndIndependence = "fund-security-and-independence.txt";

    /// <summary>The full path of a sample; throws <see cref="FileNotFoundException"/> if there is none of that name.</summary>
    public static string Path(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);

        var path = System.IO.Path.Combine(RepositoryRoot.Locate(), "tests", "samples", fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"There is no sample '{fileName}' in tests/samples.", path);
    }

    public static string ReadText(string fileName) => File.ReadAllText(Path(fileName));

    public static Task<string> ReadTextAsync(string fileName, CancellationToken cancellationToken = default) =>
        File.ReadAllTextAsync(Path(fileName), cancellationToken);

    /// <summary>The sample's exact bytes, for tests that care about encoding or line endings.</summary>
    public static Task<byte[]> ReadBytesAsync(string fileName, CancellationToken cancellationToken = default) =>
        File.ReadAllBytesAsync(Path(fileName), cancellationToken);
}
