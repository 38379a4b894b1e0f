using System.Text;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Rendering;
using ContentPipeline.Core.Slugs;
using ContentPipeline.Core.Tests.Parsing;
using ContentPipeline.Testing;

namespace ContentPipeline.Core.Tests.Rendering;

/// <summary>
/// Renders each source under Rendering/Golden (and the real sample article) to a full page and compares it with
/// the checked-in <c>.expected.html</c>. To accept an intended change, run the tests once with UPDATE_GOLDEN=1
/// and review the diff of the expected files before committing.
/// </summary>
public sealed class GoldenPageTests
{
    private static readonly string GoldenFolder = Path.Combine(RepositoryRoot.Locate(), "tests", "ContentPipeline.Core.Tests", "Rendering", "Golden");

    public static TheoryData<string> Sources() =>
    [
        "front-matter.md",
        "raw-html.md",
        "uploaded-document.html",
        Samples.FundSecurityAndIndependence,
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Source_renders_to_its_golden_page(string fileName)
    {
        var sourcePath = fileName == Samples.FundSecurityAndIndependence ? Samples.Path(fileName) : Path.Combine(GoldenFolder, fileName);
        Assert.True(ArticleFormats.TryFromFileName(fileName, out var format));
        var parsed = ParserTestSupport.Parser.Parse(new ArticleSource(File.ReadAllBytes(sourcePath), format, fileName));
        Assert.True(parsed.IsSuccess, parsed.Error?.ToString());
        Assert.True(Slug.TryParse(Path.GetFileNameWithoutExtension(fileName), out var slug, out _));

        var actual = PageRendererTests.CreateRenderer().Render(parsed.Article, slug).Html;

        var expectedPath = Path.Combine(GoldenFolder, Path.GetFileNameWithoutExtension(fileName) + ".expected.html");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(expectedPath), $"No golden page at {expectedPath}; run the tests with UPDATE_GOLDEN=1 to create it, then review it.");
        var expected = File.ReadAllText(expectedPath);
        if (expected != actual)
        {
            Assert.Fail($"The page for {fileName} differs from {Path.GetFileName(expectedPath)}:\n{LineDiff(expected, actual)}\n"
                + "If the change is intended, run with UPDATE_GOLDEN=1 and review the expected file's diff.");
        }
    }

    /// <summary>The first differing line with a little context, as - expected / + actual.</summary>
    private static string LineDiff(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = 0;
        while (first < expectedLines.Length && first < actualLines.Length && expectedLines[first] == actualLines[first])
        {
            first++;
        }

        var diff = new StringBuilder();
        for (var i = Math.Max(0, first - 3); i < first; i++)
        {
            diff.Append("  ").AppendLine(expectedLines[i]);
        }

        for (var i = first; i < Math.Min(first + 5, expectedLines.Length); i++)
        {
            diff.Append("- ").AppendLine(expectedLines[i]);
        }

        for (var i = first; i < Math.Min(first + 5, actualLines.Length); i++)
        {
            diff.Append("+ ").AppendLine(actualLines[i]);
        }

        return $"first difference at line {first + 1}:\n{diff}";
    }
}
