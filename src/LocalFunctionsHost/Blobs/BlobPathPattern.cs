using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// A blob trigger path such as <c>articles/{name}</c> or <c>in/{stem}.{ext}</c>, matched as the WebJobs binding
/// template does: the part after the container becomes an anchored pattern in which every <c>{x}</c> is a greedy
/// capture, literals match exactly, and <c>{{</c> / <c>}}</c> stand for literal braces.
/// </summary>
internal sealed class BlobPathPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex? blobPattern;

    private BlobPathPattern(string container, Regex? blobPattern, IReadOnlyList<string> parameterNames)
    {
        Container = container;
        this.blobPattern = blobPattern;
        ParameterNames = parameterNames;
    }

    /// <summary>The container the trigger watches.</summary>
    public string Container { get; }

    /// <summary>The names of the placeholders, in order.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Parses a trigger path (after <c>%Setting%</c> references were resolved).</summary>
    public static BlobPathPattern Parse(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var trimmed = path.Trim('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? trimmed : trimmed[..slash];
        if (container.Contains('{', StringComparison.Ordinal))
        {
            throw new FormatException($"The blob path '{path}' has a placeholder in its container name; the container must be fixed.");
        }

        if (slash < 0)
        {
            return new BlobPathPattern(container, null, []);
        }

        var (regex, names) = Compile(trimmed[(slash + 1)..], path);
        return new BlobPathPattern(container, regex, names);
    }

    /// <summary>Matches a blob of the watched container; on success gives each placeholder's value.</summary>
    public bool TryMatch(string container, string blobName, [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? values)
    {
        values = null;
        if (!string.Equals(container, Container, StringComparison.Ordinal))
        {
            return false;
        }

        if (blobPattern is null)
        {
            values = new Dictionary<string, string>();
            return true;
        }

        var match = blobPattern.Match(blobName);
        if (!match.Success)
        {
            return false;
        }

        values = ParameterNames.ToDictionary(name => name, name => match.Groups[name].Value, StringComparer.OrdinalIgnoreCase);
        return true;
    }

    private static (Regex Regex, IReadOnlyList<string> Names) Compile(string template, string path)
    {
        var pattern = new StringBuilder("^");
        var names = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                pattern.Append(Regex.Escape("{"));
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                pattern.Append(Regex.Escape("}"));
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i);
                var name = end < 0 ? "" : template[(i + 1)..end];
                if (name.Length == 0 || !name.All(ch => char.IsLetterOrDigit(ch) || ch == '_'))
                {
                    throw new FormatException($"The blob path '{path}' has an invalid placeholder at position {i}; use {{name}} with letters, digits or '_'.");
                }

                if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new FormatException($"The blob path '{path}' uses the placeholder {{{name}}} twice.");
                }

                names.Add(name);
                pattern.Append("(?<").Append(name).Append(">.*)");
                i = end;
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        pattern.Append('$');
        return (new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, MatchTimeout), names);
    }
}
