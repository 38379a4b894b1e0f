using System.Text;

namespace ContentPipeline.Testing;

/// <summary>
/// Unique, valid storage resource names, so that tests sharing one Azurite never see each other's data.
/// </summary>
public static class TestNames
{
    private const int MaxNameLength = 63;

    /// <summary>A blob container name: 3–63 characters of a–z, 0–9 and single hyphens, starting and ending with a letter or digit.</summary>
    public static string Container(string prefix) => LowercaseWithHyphens(prefix);

    /// <summary>A queue name; queues follow the same rules as blob containers.</summary>
    public static string Queue(string prefix) => LowercaseWithHyphens(prefix);

    /// <summary>A table name: 3–63 letters and digits, starting with a letter.</summary>
    public static string Table(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        var suffix = UniqueSuffix();
        var name = new StringBuilder(MaxNameLength);
        foreach (var character in prefix)
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                name.Append(char.ToLowerInvariant(character));
            }
        }

        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            name.Insert(0, 't');
        }

        name.Length = Math.Min(name.Length, MaxNameLength - suffix.Length);
        return name.Append(suffix).ToString();
    }

    private static string LowercaseWithHyphens(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        var suffix = UniqueSuffix();
        var name = new StringBuilder(MaxNameLength);
        foreach (var character in prefix)
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                name.Append(char.ToLowerInvariant(character));
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        // Room for the hyphen before the suffix; a trailing hyphen of the prefix then becomes that hyphen.
        name.Length = Math.Min(name.Length, MaxNameLength - suffix.Length - 1);
        if (name.Length > 0 && name[^1] != '-')
        {
            name.Append('-');
        }

        return name.Append(suffix).ToString();
    }

    // A whole GUID: names must stay unique across test assemblies that share nothing but the clock.
    private static string UniqueSuffix() => Guid.NewGuid().ToString("N");
}
