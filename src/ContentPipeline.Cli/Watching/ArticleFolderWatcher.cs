using ContentPipeline.Cli.Files;

namespace ContentPipeline.Cli.Watching;

/// <summary>
/// Watches a folder tree for article files being written, created or renamed into place (how many editors
/// save), and reports deletions separately.
/// </summary>
internal sealed class ArticleFolderWatcher : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly string folder;

    public ArticleFolderWatcher(string folder, Action<string> changed, Action<string> deleted)
    {
        this.folder = folder;
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(deleted);
        watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            // DirectoryName too: without it no event is raised for a folder created or moved into the tree.
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,

            // Bursts of saves across a large tree must not overflow the default 8 KiB buffer and lose events.
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => Created(e.FullPath, changed);
        watcher.Changed += (_, e) => Report(e.FullPath, changed);
        watcher.Renamed += (_, e) => Created(e.FullPath, changed);
        watcher.Deleted += (_, e) => Report(e.FullPath, deleted);
        watcher.EnableRaisingEvents = true;
    }

    public void Dispose() => watcher.Dispose();

    /// <summary>
    /// A folder created or moved inside the tree (a checkout, a copy) is watched only from the moment its event is
    /// handled; files written into it before then raise no event of their own, so it is searched for them here.
    /// </summary>
    private void Created(string path, Action<string> changed)
    {
        if (!Directory.Exists(path))
        {
            Report(path, changed);
            return;
        }

        if (!IsUnderHiddenFolder(Path.Combine(path, "_")))
        {
            foreach (var article in ArticleFinder.Find([path], folder).Articles)
            {
                changed(article.Path);
            }
        }
    }

    private void Report(string path, Action<string> action)
    {
        if (ArticleFinder.IsArticlePath(path) && !IsUnderHiddenFolder(path))
        {
            action(path);
        }
    }

    // The same folders a scan skips (.git, …), judged below the watched folder only: that folder may itself sit in a hidden one.
    private bool IsUnderHiddenFolder(string path) =>
        Path.GetDirectoryName(Path.GetRelativePath(folder, path)) is { Length: > 0 } relative
        && relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
