namespace ContentPipeline.Core.Parsing;

/// <summary>
/// Counts words as <see cref="PlainText.CountWords"/> does (runs of letters and digits) over text fed piece by piece,
/// so a document's words can be counted without first joining its text into one string.
/// </summary>
internal struct WordCounter
{
    private bool inWord;

    public int Count { get; private set; }

    public void Add(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Add(c);
        }
    }

    public void Add(char c)
    {
        var wordChar = char.IsLetterOrDigit(c);
        if (wordChar && !inWord)
        {
            Count++;
        }

        inWord = wordChar;
    }
}
