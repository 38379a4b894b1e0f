using ContentPipeline.Core.Articles;

namespace ContentPipeline.Cli.Files;

/// <summary>
/// Finds the articles under the paths an editor gives: every <c>.md</c>, <c>.markdown</c>, <c>.txt</c> and
/// <c>.html</c> file in folders (recursively) and the files named. Files and folders whose names start with a dot
/// are skipped in folders (<c>.git</c>, editors' lock and swap files); a file named explicitly is always taken.
/// </summary>
internal static class ArticleFinder
{
    private static readonly string Extensions = string.Join(", ", ArticleFormats.Extensions);

    /// <summary>Scans <paramref name="paths"/>, relative ones resolved against <paramref name="baseDirectory"/>.</summary>
    public static ArticleScan Find(IEnumerable<string> paths, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal); // full path → display path
        var problems = new List<FileProblem>();
        foreach (var given in paths)
        {
            var full = Path.GetFullPath(given, baseDirectory);
            if (Directory.Exists(full))
            {
                foreach (var file in ArticlesUnder(full))
                {
                    files.TryAdd(file, Display(file, baseDirectory));
                }
            }
            else if (File.Exists(full))
            {
                if (ArticleFormats.TryFromFileName(full, out _))
                {
                    files.TryAdd(full, Display(full, baseDirectory));
                }
                else
                {
                    problems.Add(new FileProblem(Display(full, baseDirectory), $"Not an article: only {Extensions} files are published."));
                }
            }
            else
            {
                problems.Add(new FileProblem(given, "There is no such file or folder."));
            }
        }

        var articles = new List<ArticleFile>();
        foreach (var (path, display) in files)
        {
            if (!FileSlug.TryFrom(path, out var slug, out var problem))
            {
                problems.Add(new FileProblem(display, problem));
                continue;
            }

            ArticleFormats.TryFromFileName(path, out var format);
            articles.Add(new ArticleFile(path, display, slug, format));
        }

        return new ArticleScan(WithoutSharedSlugs(articles, problems), problems);
    }

    /// <summary>Two files of one slug (<c>a/post.md</c> and <c>b/post.txt</c>) would replace each other: neither is published.</summary>
    private static List<ArticleFile> WithoutSharedSlugs(List<ArticleFile> articles, List<FileProblem> problems)
    {
        var unique = new List<ArticleFile>();
        foreach (var group in articles.GroupBy(a => a.Slug.Value, StringComparer.Ordinal))
        {
            var same = group.ToList();
            if (same.Count == 1)
            {
                unique.Add(same[0]);
                continue;
            }

            foreach (var file in same)
            {
                var others = string.Join(", ", same.Where(other => other != file).Select(other => other.DisplayPath));
                problems.Add(new FileProblem(file.DisplayPath, $"Another file makes the same slug '{file.Slug.Value}' ({others}); rename or remove one of them.", file.Slug));
            }
        }

        return unique;
    }

    private static IEnumerable<string> ArticlesUnder(string folder)
    {
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry is DirectoryInfo directory)
                {
                    // Symbolic links to folders are not followed: a link back up the tree would never end.
                    if (directory.LinkTarget is null)
                    {
                        pending.Push(directory.FullName);
                    }
                }
                else if (ArticleFormats.TryFromFileName(entry.Name, out _))
                {
                    yield return entry.FullName;
                }
            }
        }
    }

    private static string Display(string fullPath, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    /// <summary>Whether <paramref name="path"/> is a file a folder scan would take (for the watcher).</summary>
    public static bool IsArticlePath(string path) =>
        ArticleFormats.TryFromFileName(path, out _) && !Path.GetFileName(path).StartsWith('.');
}
