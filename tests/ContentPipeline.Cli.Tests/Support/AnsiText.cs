using System.Text.RegularExpressions;

namespace ContentPipeline.Cli.Tests.Support;

/// <summary>Console output without its ANSI escape sequences (colours, cursor moves), to assert on the text.</summary>
internal static partial class AnsiText
{
    public static string Strip(string output) => Escapes().Replace(output, "");

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escapes();
}
