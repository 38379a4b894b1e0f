using System.Text;

namespace ContentPipeline.Cli.Tests.Support;

/// <summary>A folder of the test's own under the system temp folder, removed on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cpipe-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte order mark) to <paramref name="relativePath"/>, creating folders.</summary>
    public string Write(string relativePath, string text) => Write(relativePath, Encoding.UTF8.GetBytes(text));

    public string Write(string relativePath, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher or an antivirus may still hold a file; the temp folder is cleaned up by the system eventually.
        }
    }
}
