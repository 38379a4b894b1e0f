using System.Globalization;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ContentPipeline.Core.Parsing;

/// <summary>
/// Reads a YAML front matter block into <see cref="FrontMatter"/>. Every error names the source line,
/// counted from the start of the whole file, and says what to write instead.
/// </summary>
public static class FrontMatterParser
{
    /// <summary>Front matter larger than this is refused before YAML parsing.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Deepest nesting of lists and maps accepted.</summary>
    public const int MaxNesting = 32;

    /// <summary>
    /// Most keys, values and list items accepted, counted once as written and again as the values of unknown keys
    /// are flattened with their aliases expanded (so an alias chain, "billion laughs", cannot explode).
    /// </summary>
    public const int MaxNodes = 2_000;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss zzz",
    ];

    /// <summary>Parses <paramref name="yaml"/>, whose first line is line <paramref name="firstLine"/> of the file.</summary>
    public static bool TryParse(string yaml, int firstLine, out FrontMatter frontMatter, out ArticleError? error)
    {
        frontMatter = FrontMatter.Empty;
        error = null;
        if (yaml.Length > MaxBytes)
        {
            error = new ArticleError($"The front matter is larger than {MaxBytes / 1024} KiB; keep it to the article's metadata.", firstLine);
            return false;
        }

        // YamlDotNet reports tab indentation at the enclosing map, often lines away; find the line ourselves.
        if (FirstTabIndentedLine(yaml) is { } tabLine)
        {
            error = new ArticleError("The front matter is indented with a tab; YAML needs spaces for indentation.", firstLine + tabLine);
            return false;
        }

        YamlNode? root;
        try
        {
            if (ShapeError(yaml, firstLine) is { } shapeError)
            {
                error = shapeError;
                return false;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            // End is where the scanner noticed the problem (the tab, the stray colon); Start may be the enclosing map.
            var line = firstLine + (int)Math.Max(ex.End.Line - 1, 0);
            error = new ArticleError($"The front matter is not valid YAML: {Describe(ex)}", line);
            return false;
        }

        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            return true;
        }

        if (root is not YamlMappingNode mapping)
        {
            error = new ArticleError("The front matter must be 'key: value' lines, such as 'title: My article'.", LineOf(root, firstLine));
            return false;
        }

        var reader = new FieldReader(firstLine);
        frontMatter = reader.Read(mapping);
        error = reader.Error;
        return error is null;
    }

    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        // YamlDotNet prefixes positions ("(Line: 2, Col: 1, Idx: 5) - (…): "); the line is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = cut >= 0 ? message[(cut + 3)..] : message;
        return message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
            ? message + " Each key may appear once."
            : message + " Check indentation (spaces, not tabs) and quote values that contain ': ' or start with a special character.";
    }

    private static int? FirstTabIndentedLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].AsSpan()[..(lines[i].Length - lines[i].AsSpan().TrimStart(" \t").Length)];
            if (indent.Contains('\t') && lines[i].AsSpan().TrimStart(" \t").Length > 0)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// YamlStream builds its nodes recursively, so one line of <c>- - - …</c> or <c>? ? …</c> (20 KB) nests deep
    /// enough to overflow the stack, which no catch can handle: the process dies. YamlDotNet's <see cref="Parser"/>
    /// is a state machine, so its events are walked first and deep or huge documents are refused, with their
    /// line, before any node is built. Syntax errors surface here as <see cref="YamlException"/>.
    /// </summary>
    private static ArticleError? ShapeError(string yaml, int firstLine)
    {
        var parser = new Parser(new StringReader(yaml));
        int depth = 0, nodes = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            if (current is MappingStart or SequenceStart && ++depth > MaxNesting)
            {
                return new ArticleError(
                    $"The front matter nests lists or maps deeper than {MaxNesting} levels; use flat key: value pairs.",
                    firstLine + (int)Math.Max(current.Start.Line - 1, 0));
            }

            if (current is MappingEnd or SequenceEnd)
            {
                depth--;
            }
            else if (current is NodeEvent && ++nodes > MaxNodes)
            {
                return new ArticleError(
                    string.Create(CultureInfo.InvariantCulture, $"The front matter has more than {MaxNodes:N0} keys, values and list items; keep it to the article's metadata."),
                    firstLine + (int)Math.Max(current.Start.Line - 1, 0));
            }
        }

        return null;
    }

    private static int LineOf(YamlNode node, int firstLine) => firstLine + (int)Math.Max(node.Start.Line - 1, 0);

    /// <summary>Walks the top-level mapping once, stopping at the first error.</summary>
    private sealed class FieldReader(int firstLine)
    {
        private readonly Dictionary<string, string> extra = new(StringComparer.Ordinal);
        private readonly HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
        private int nodesVisited;

        public ArticleError? Error { get; private set; }

        public FrontMatter Read(YamlMappingNode mapping)
        {
            var result = FrontMatter.Empty;
            foreach (var (keyNode, value) in mapping.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
                {
                    Fail("Front matter keys must be plain words such as 'title'.", keyNode);
                    return result;
                }

                if (!seen.Add(key))
                {
                    Fail($"The key '{key}' appears more than once; keep one.", keyNode);
                    return result;
                }

                result = key.ToLowerInvariant() switch
                {
                    "title" => result with { Title = Text(key, value) },
                    "summary" => result with { Summary = Text(key, value) },
                    "author" => result with { Author = Text(key, value) },
                    "slug" => result with { Slug = SlugValue(value) },
                    "date" => result with { Date = DateValue(value) },
                    "tags" => result with { Tags = TagList(value) },
                    "draft" => result with { Draft = Flag(key, value) },
                    _ => KeepExtra(result, key, value),
                };

                if (Error is not null)
                {
                    return result;
                }
            }

            return result with { Extra = extra };
        }

        private FrontMatter KeepExtra(FrontMatter result, string key, YamlNode value)
        {
            Flatten(key, value, depth: 0);
            return result;
        }

        private void Flatten(string key, YamlNode node, int depth)
        {
            if (Error is not null || ++nodesVisited > MaxNodes || depth > MaxNesting)
            {
                Error ??= new ArticleError($"The front matter value of '{key}' is too large or deeply nested once its aliases are expanded; write it out without '&' anchors and '*' aliases.", LineOf(node, firstLine));
                return;
            }

            switch (node)
            {
                case YamlScalarNode scalar:
                    extra[key] = scalar.Value ?? "";
                    break;
                case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                    nodesVisited += sequence.Children.Count;
                    extra[key] = string.Join(", ", sequence.Children.Select(c => ((YamlScalarNode)c).Value));
                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        Flatten($"{key}.{i}", sequence.Children[i], depth + 1);
                    }

                    break;
                case YamlMappingNode map:
                    foreach (var (childKey, childValue) in map.Children)
                    {
                        Flatten($"{key}.{(childKey as YamlScalarNode)?.Value}", childValue, depth + 1);
                    }

                    break;
            }
        }

        private string? Text(string key, YamlNode value)
        {
            if (value is YamlScalarNode scalar)
            {
                return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            }

            Fail($"'{key}' must be a single line of text, not a list or a map; quote it if it contains ': '.", value);
            return null;
        }

        private string? SlugValue(YamlNode value)
        {
            var text = Text("slug", value);
            if (text is null)
            {
                return null;
            }

            if (!Slug.TryParse(text, out var slug, out var problem))
            {
                Fail(problem!, value);
                return null;
            }

            return slug.Value;
        }

        private DateTimeOffset? DateValue(YamlNode value)
        {
            var text = Text("date", value);
            if (text is null)
            {
                return null;
            }

            if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date))
            {
                return date;
            }

            Fail($"date '{text}' is not a date; write it as YYYY-MM-DD or an ISO 8601 date-time such as 2024-04-17T21:05:49Z.", value);
            return null;
        }

        private List<string> TagList(YamlNode value)
        {
            IEnumerable<string?> raw;
            switch (value)
            {
                case YamlScalarNode { Value: null or "" }:
                    return [];
                case YamlScalarNode { Style: ScalarStyle.Plain } scalar when IsNonText(scalar.Value!):
                    Fail($"tags '{scalar.Value}' is not text; write a list (tags: [news, science]) or a comma-separated string (tags: \"news, science\").", value);
                    return [];
                case YamlScalarNode scalar:
                    raw = scalar.Value!.Split(',');
                    break;
                case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                    raw = sequence.Children.Select(c => ((YamlScalarNode)c).Value);
                    break;
                default:
                    Fail("tags must be a list of words (tags: [news, science]) or a comma-separated string.", value);
                    return [];
            }

            return raw.Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        private bool Flag(string key, YamlNode value)
        {
            if (value is YamlScalarNode scalar)
            {
                if (string.IsNullOrWhiteSpace(scalar.Value))
                {
                    return false;
                }

                if (bool.TryParse(scalar.Value, out var flag))
                {
                    return flag;
                }
            }

            Fail($"'{key}' must be true or false.", value);
            return false;
        }

        // A plain YAML scalar that resolves to a number, boolean or null in the core schema.
        private static bool IsNonText(string value) =>
            bool.TryParse(value, out _)
            || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || value is "~" or "null" or "Null" or "NULL";

        private void Fail(string message, YamlNode node) => Error ??= new ArticleError(message, LineOf(node, firstLine));
    }
}
