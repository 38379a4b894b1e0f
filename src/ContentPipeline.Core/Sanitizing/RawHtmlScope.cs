namespace ContentPipeline.Core.Sanitizing;

/// <summary>
/// What <see cref="RawHtmlSanitizer"/> remembers between the pieces of one balanced stretch of output (one HTML
/// block, or the inlines of one Markdown container): the allowed elements it opened and not yet closed, and the
/// dropped element whose content it is skipping. Not thread-safe; one per stretch.
/// </summary>
internal sealed class RawHtmlScope
{
    /// <summary>
    /// The most elements one stretch keeps open; deeper ones are dropped (their content stays). Bounds the cost of
    /// matching an end tag, which hostile input (thousands of open tags, then thousands of stray end tags) could
    /// otherwise make quadratic. Real articles nest a handful deep.
    /// </summary>
    public const int MaxOpenElements = 256;

    private readonly List<string> open = [];

    /// <summary>Whether another element may be opened (see <see cref="MaxOpenElements"/>).</summary>
    public bool CanOpen => open.Count < MaxOpenElements;

    /// <summary>Whether the sanitizer is inside a dropped element (script, style, svg, …), whose content goes too.</summary>
    public bool IsSkipping => Skipped is not null;

    /// <summary>The dropped element being skipped, or null.</summary>
    public string? Skipped { get; private set; }

    private int skippedDepth;

    public void StartSkipping(string tag)
    {
        Skipped = tag;
        skippedDepth = 1;
    }

    /// <summary>A start (+1) or end (-1) tag of the skipped element's name; skipping ends when they balance.</summary>
    public void CountSkipped(int change)
    {
        skippedDepth += change;
        if (skippedDepth <= 0)
        {
            Skipped = null;
        }
    }

    public void Open(string tag) => open.Add(tag);

    /// <summary>
    /// Writes the end tags that close <paramref name="tag"/> if this scope opened it (and, first, every element opened
    /// inside it); writes nothing for an end tag it did not open, so output never closes what it did not open.
    /// </summary>
    public void Close(string tag, RawHtmlWriter output)
    {
        var index = open.FindLastIndex(t => string.Equals(t, tag, StringComparison.Ordinal));
        if (index < 0)
        {
            return;
        }

        for (var i = open.Count - 1; i >= index; i--)
        {
            output.EndTag(open[i]);
        }

        open.RemoveRange(index, open.Count - index);
    }

    /// <summary>Ends the scope: closes every element still open, innermost first.</summary>
    public void CloseAll(RawHtmlWriter output)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            output.EndTag(open[i]);
        }

        open.Clear();
        Skipped = null;
    }
}
