using System.Text;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>Markdown sources with YAML front matter, written the way an editor writes them.</summary>
public static class Markdown
{
    /// <summary>An article with front matter of <paramref name="frontMatter"/> lines ('key: value') and a short body.</summary>
    public static string Article(string body, params string[] frontMatter)
    {
        ArgumentNullException.ThrowIfNull(frontMatter);
        var text = new StringBuilder();
        if (frontMatter.Length > 0)
        {
            text.Append("---\n");
            foreach (var line in frontMatter)
            {
                text.Append(line).Append('\n');
            }

            text.Append("---\n\n");
        }

        return text.Append(body).Append('\n').ToString();
    }
}
