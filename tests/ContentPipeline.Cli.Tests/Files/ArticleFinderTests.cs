using ContentPipeline.Cli.Files;
using ContentPipeline.Cli.Tests.Support;
using ContentPipeline.Core.Articles;

namespace ContentPipeline.Cli.Tests.Files;

public sealed class ArticleFinderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_folder_is_searched_recursively_for_article_files_only()
    {
        folder.Write("a.md", "# A");
        folder.Write("nested/deeper/b.markdown", "# B");
        folder.Write("c.txt", "C");
        folder.Write("d.html", "<h1>D</h1>");
        folder.Write("notes.docx", "not an article");
        folder.Write("image.png", "not an article");

        var scan = ArticleFinder.Find(["."], folder.Path);

        Assert.Equal(["a", "b", "c", "d"], scan.Articles.Select(a => a.Slug.Value).Order(StringComparer.Ordinal));
        Assert.Equal(ArticleFormat.Markdown, scan.Articles.Single(a => a.Slug.Value == "b").Format);
        Assert.Equal(Path.Combine("nested", "deeper", "b.markdown"), scan.Articles.Single(a => a.Slug.Value == "b").DisplayPath);
        Assert.Empty(scan.Problems);
    }

    [Fact]
    public void Hidden_folders_and_files_are_skipped_in_a_folder_scan()
    {
        folder.Write("kept.md", "# Kept");
        folder.Write(".git/objects/x.md", "# In git's folder");
        folder.Write(".#kept.md", "an editor's lock file");

        var scan = ArticleFinder.Find([folder.Path], folder.Path);

        Assert.Equal(["kept"], scan.Articles.Select(a => a.Slug.Value));
    }

    [Fact]
    public void Named_files_are_taken_and_a_named_non_article_or_missing_path_is_a_problem()
    {
        var article = folder.Write("one.md", "# One");
        var other = folder.Write("readme.rst", "not an article");

        var scan = ArticleFinder.Find([article, other, "missing.md"], folder.Path);

        Assert.Equal(["one"], scan.Articles.Select(a => a.Slug.Value));
        Assert.Collection(
            scan.Problems.OrderBy(p => p.DisplayPath, StringComparer.Ordinal),
            p => Assert.Contains("no such file or folder", p.Message, StringComparison.Ordinal),
            p => Assert.Contains("Not an article", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Files_that_make_the_same_slug_are_both_problems_and_neither_is_published()
    {
        folder.Write("a/post.md", "# One");
        folder.Write("b/post.txt", "Two");
        folder.Write("other.md", "# Other");

        var scan = ArticleFinder.Find(["."], folder.Path);

        Assert.Equal(["other"], scan.Articles.Select(a => a.Slug.Value));
        Assert.Equal(2, scan.Problems.Count);
        Assert.All(scan.Problems, p => Assert.Contains("same slug 'post'", p.Message, StringComparison.Ordinal));
        Assert.Contains("post", scan.Slugs);
    }

    [Fact]
    public void A_file_whose_name_is_not_a_slug_is_a_problem_and_the_rest_are_found()
    {
        folder.Write("Good Title.md", "# Bad name");
        folder.Write("good-title.md", "# Good name");

        var scan = ArticleFinder.Find(["."], folder.Path);

        Assert.Equal(["good-title"], scan.Articles.Select(a => a.Slug.Value));
        var problem = Assert.Single(scan.Problems);
        Assert.Equal("Good Title.md", problem.DisplayPath);
        Assert.Contains("Rename it to 'good-title.md'", problem.Message, StringComparison.Ordinal);
    }
}
