using System.Text;

namespace ContentPipeline.Core.Parsing;

/// <summary>Small measurements of plain text shared by the parsers: summaries, word counts, fallback titles.</summary>
public static class PlainText
{
    /// <summary>Summaries longer than this are cut at a word boundary.</summary>
    public const int MaxSummaryLength = 280;

    /// <summary>Collapses white space and cuts <paramref name="text"/> to a summary, ending in an ellipsis when cut.</summary>
    public static string Summarize(string text)
    {
        var collapsed = CollapseWhiteSpace(text);
        if (collapsed.Length <= MaxSummaryLength)
        {
            return collapsed;
        }

        var cut = collapsed.LastIndexOf(' ', MaxSummaryLength - 1);
        return string.Concat(collapsed.AsSpan(0, cut > MaxSummaryLength / 2 ? cut : MaxSummaryLength - 1).TrimEnd(",;:.-–— "), "…");
    }

    /// <summary>Counts runs of letters and digits.</summary>
    public static int CountWords(string text)
    {
        int count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var wordChar = char.IsLetterOrDigit(c);
            if (wordChar && !inWord)
            {
                count++;
            }

            inWord = wordChar;
        }

        return count;
    }

    /// <summary>A title made from a file name: <c>my-first_post.md</c> gives <c>my first post</c>.</summary>
    public static string TitleFromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).Replace('-', ' ').Replace('_', ' ');
        var title = CollapseWhiteSpace(stem);
        return title.Length == 0 ? "Untitled" : title;
    }

    /// <summary>Turns every run of white space into one space and trims the ends.</summary>
    public static string CollapseWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
