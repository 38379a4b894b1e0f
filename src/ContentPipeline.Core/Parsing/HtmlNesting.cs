using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace ContentPipeline.Core.Parsing;

/// <summary>
/// Parses HTML with AngleSharp while watching how deep its elements nest. AngleSharp's tree builder walks its stack
/// of open elements for every tag, so a document of <em>n</em> nested elements costs <em>n</em>² (100,000 nested
/// <c>&lt;div&gt;</c>s take minutes), and the sanitizer parses the same HTML again. Stopping at
/// <see cref="MaximumDepth"/> keeps both parses linear in the size of the source.
/// </summary>
public static class HtmlNesting
{
    /// <summary>The deepest element nesting accepted; real articles, CMS exports included, stay far below it.</summary>
    public const int MaximumDepth = 128;

    /// <summary>
    /// Parses <paramref name="html"/> as a document. Returns null when an element nests deeper than
    /// <see cref="MaximumDepth"/>, with <paramref name="tooDeepAt"/> the offset in <paramref name="html"/> where it starts.
    /// </summary>
    public static IHtmlDocument? Parse(string html, out int tooDeepAt)
    {
        ArgumentNullException.ThrowIfNull(html);
        var watcher = new DepthWatcher();
        var parser = new HtmlParser(new HtmlParserOptions { OnCreated = watcher.OnCreated });
        try
        {
            tooDeepAt = -1;
            return parser.ParseDocument(html);
        }
        catch (NestingLimitReachedException)
        {
            tooDeepAt = watcher.Offset;
            return null;
        }
    }

    /// <summary>The 1-based line of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static int LineAt(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan(0, Math.Clamp(offset, 0, text.Length)).Count('\n') + 1;
    }

    /// <summary>
    /// Called for every element the tree builder creates. The one created before it has been placed by now, so its
    /// depth is the depth the builder has reached; walking up at most one step past the limit keeps the check linear.
    /// </summary>
    private sealed class DepthWatcher
    {
        private IElement? previous;

        public int Offset { get; private set; }

        public void OnCreated(IElement element, TextPosition position)
        {
            if (previous is not null && Depth(previous) > MaximumDepth)
            {
                Offset = position.Position;
                // AngleSharp has no way to stop a parse; the exception never leaves Parse.
                throw new NestingLimitReachedException();
            }

            previous = element;
        }

        private static int Depth(IElement element)
        {
            var depth = 0;
            for (var current = element; current is not null && depth <= MaximumDepth; current = current.ParentElement)
            {
                depth++;
            }

            return depth;
        }
    }

    /// <summary>Thrown and caught only inside <see cref="Parse"/>, to stop AngleSharp mid-parse.</summary>
    private sealed class NestingLimitReachedException : Exception;
}
