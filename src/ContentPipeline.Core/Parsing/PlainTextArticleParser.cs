using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContentPipeline.Core.Articles;

namespace ContentPipeline.Core.Parsing;

/// <summary>
/// Parses plain text: the first non-empty line is the title, a date line right after it (as scraped pages
/// have: <c>2024-04-17 21:05:49 1</c>) is the date, and blank-line separated blocks become paragraphs.
/// </summary>
public static partial class PlainTextArticleParser
{
    private const int MaxDateLineLength = 200;

    /// <summary>Parses <paramref name="text"/>, which came from a file named <paramref name="fileName"/>.</summary>
    public static ArticleParseResult Parse(string text, string fileName)
    {
        var lines = text.Split('\n');
        var index = SkipBlank(lines, 0);
        var title = index < lines.Length ? PlainText.CollapseWhiteSpace(lines[index]) : PlainText.TitleFromFileName(fileName);
        index++;

        DateTimeOffset? date = null;
        var dateIndex = SkipBlank(lines, index);
        if (dateIndex < lines.Length && TryReadDateLine(lines[dateIndex], out var found))
        {
            date = found;
            index = dateIndex + 1;
        }

        var paragraphs = Paragraphs(lines, index);
        var html = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>")
                .AppendJoin("<br>\n", paragraph.Select(line => WebUtility.HtmlEncode(line.Trim())))
                .Append("</p>\n");
        }

        var body = string.Join('\n', paragraphs.SelectMany(p => p));
        var metadata = new ArticleMetadata
        {
            Title = title,
            Date = date,
            Summary = paragraphs.Count > 0 ? PlainText.Summarize(string.Join(' ', paragraphs[0])) : "",
        };
        return ArticleParseResult.Success(new Article(metadata, html.ToString(), PlainText.CountWords(body)));
    }

    private static int SkipBlank(string[] lines, int index)
    {
        while (index < lines.Length && string.IsNullOrWhiteSpace(lines[index]))
        {
            index++;
        }

        return index;
    }

    private static List<List<string>> Paragraphs(string[] lines, int start)
    {
        var paragraphs = new List<List<string>>();
        List<string>? current = null;
        for (var i = start; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                paragraphs.Add(current);
            }

            current.Add(lines[i]);
        }

        return paragraphs;
    }

    private static bool TryReadDateLine(string line, out DateTimeOffset date)
    {
        date = default;
        // The regex is linear, but its timeout is wall-clock time: on a busy machine a megabyte-long line could
        // pass it and throw. A date line is short; a long line is the first paragraph.
        if (line.Length > MaxDateLineLength)
        {
            return false;
        }

        var match = DateLine().Match(line.Trim());
        return match.Success
            && DateTimeOffset.TryParse(
                match.Groups["date"].Value,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out date);
    }

    // A date, an optional time, and optional trailing tokens (scraped pages append counters and the like).
    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s+\S+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DateLine();
}
