using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentPipeline.Testing;

/// <summary>
/// Reads the XSS corpus, <c>tests/samples/xss/*.txt</c>: entries headed <c>=== name.md</c> or <c>=== name.html</c>,
/// whose source runs to the next header. The format is described in the folder's README.
/// </summary>
public static partial class XssCorpus
{
    private static readonly Lazy<IReadOnlyList<XssVector>> Loaded = new(() => Load(Folder));

    /// <summary>The corpus folder in this clone.</summary>
    public static string Folder => Path.Combine(RepositoryRoot.Locate(), "tests", "samples", "xss");

    /// <summary>Every entry, in file-name order and then in the order of each file.</summary>
    public static IReadOnlyList<XssVector> All => Loaded.Value;

    /// <summary>The entry named <paramref name="name"/>.</summary>
    public static XssVector Named(string name) =>
        All.SingleOrDefault(vector => vector.Name == name) ?? throw new ArgumentException($"The XSS corpus has no entry '{name}'.", nameof(name));

    /// <summary>Reads every <c>*.txt</c> file of <paramref name="folder"/>.</summary>
    public static IReadOnlyList<XssVector> Load(string folder)
    {
        var vectors = new List<XssVector>();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            vectors.AddRange(Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file)));
        }

        return vectors;
    }

    /// <summary>Reads one class file's <paramref name="text"/>; lines before the first header are its description.</summary>
    public static IEnumerable<XssVector> Parse(string className, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? name = null, extension = null;
        var source = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var header = Header().Match(line);
            if (!header.Success)
            {
                if (name is null && line.Length > 0 && !line.StartsWith('#'))
                {
                    throw new FormatException($"{className}.txt: '{line}' stands before the first '=== name.ext' header.");
                }

                source.Add(line);
                continue;
            }

            if (name is not null)
            {
                yield return Vector(name, className, extension!, source);
            }

            (name, extension) = (header.Groups["name"].Value, "." + header.Groups["ext"].Value);
            source.Clear();
        }

        if (name is not null)
        {
            yield return Vector(name, className, extension!, source);
        }
    }

    /// <summary>Replaces <c>{TAB}</c>, <c>{LF}</c>, <c>{CR}</c>, <c>{FF}</c> and <c>{U+XXXX}</c> with the characters they stand for.</summary>
    public static string ExpandTokens(string text) => Token().Replace(text, match => match.Value switch
    {
        "{TAB}" => "\t",
        "{LF}" => "\n",
        "{CR}" => "\r",
        "{FF}" => "\f",
        _ => char.ConvertFromUtf32(int.Parse(match.Groups["code"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
    });

    private static XssVector Vector(string name, string className, string extension, List<string> lines)
    {
        var count = lines.Count;
        while (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }

        var source = new StringBuilder();
        foreach (var line in lines.Take(count))
        {
            source.Append(line).Append('\n');
        }

        return new XssVector(name, className, extension, ExpandTokens(source.ToString()));
    }

    [GeneratedRegex(@"^=== (?<name>[^ ]+)\.(?<ext>md|html)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"\{(?:TAB|LF|CR|FF|U\+(?<code>[0-9A-Fa-f]{4,6}))\}")]
    private static partial Regex Token();
}
