using System.Globalization;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Core.Rendering.Limits;

/// <summary>
/// Runs before every other inline parser on the characters that start an emphasis marker, a link or image bracket
/// or a bare URL, and counts those markers per paragraph, heading or table. It never matches itself. The rules
/// mirror the parsers it counts for (a run of emphasis characters counts once, and only if it can open or close
/// emphasis), so ordinary prose with quotes, plus signs or snake_case names is not counted.
/// </summary>
internal sealed class InlineMarkerLimitParser : InlineParser
{
    private static readonly string[] UrlPrefixes = ["http://", "https://", "ftp://", "mailto:", "tel:", "www."];

    private readonly EmphasisInlineParser emphasis;
    private readonly int maximum;
    private readonly Dictionary<char, EmphasisDescriptor> descriptors = [];

    public InlineMarkerLimitParser(EmphasisInlineParser emphasis, int maximum)
    {
        this.emphasis = emphasis;
        this.maximum = maximum;
    }

    public override void Initialize()
    {
        // Other extensions add their emphasis characters (~ ^ + = ") while the pipeline is set up; this runs after.
        descriptors.Clear();
        foreach (var descriptor in emphasis.EmphasisDescriptors)
        {
            descriptors[descriptor.Character] = descriptor;
        }

        OpeningCharacters = [.. descriptors.Keys, '[', '!', 'h', 'f', 'm', 't', 'w'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (IsMarker(slice))
        {
            var count = processor.GetParserState<Counter>(this);
            if (++count.Value > maximum)
            {
                processor.GetSourcePosition(slice.Start, out var line, out _);
                throw new MarkdownLimitException(
                    string.Create(CultureInfo.InvariantCulture, $"The paragraph, heading or table here has more than {maximum:N0} emphasis markers, links and bare URLs; split it into smaller ones."),
                    line + 1);
            }
        }

        return false;
    }

    private bool IsMarker(StringSlice slice)
    {
        var c = slice.CurrentChar;
        if (descriptors.TryGetValue(c, out var descriptor))
        {
            return IsEmphasisDelimiter(slice, descriptor);
        }

        return c switch
        {
            '[' => true,
            '!' => slice.PeekChar() == '[',
            _ => StartsWithUrlPrefix(slice.AsSpan()),
        };
    }

    // The same test EmphasisInlineParser applies before it creates a delimiter.
    private static bool IsEmphasisDelimiter(StringSlice slice, EmphasisDescriptor descriptor)
    {
        // Inside a run (unless the character before is an escaped one, which starts a new run).
        var previous = slice.PeekCharExtra(-1);
        if (previous == descriptor.Character && slice.PeekCharExtra(-2) != '\\')
        {
            return false;
        }

        var run = 0;
        while (slice.PeekCharExtra(run) == descriptor.Character)
        {
            run++;
        }

        if (run < descriptor.MinimumCount)
        {
            return false;
        }

        CharHelper.CheckOpenCloseDelimiter(previous, slice.PeekCharExtra(run), descriptor.EnableWithinWord, out var canOpen, out var canClose);
        return canOpen || canClose;
    }

    private static bool StartsWithUrlPrefix(ReadOnlySpan<char> text)
    {
        foreach (var prefix in UrlPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Counter
    {
        public int Value { get; set; }
    }
}
