using System.Text;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>
/// Sources that are broken or built to hurt the parsers, each with the line and words its refusal must name. The
/// same files are refused over HTTP (400) and recorded as failed when written straight into storage.
/// </summary>
public static class HostileSources
{
    public static TheoryData<string, byte[], int, string> All => new()
    {
        { "UTF-16 with a BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("# Title\n\nBody.")], 1, "UTF-16" },
        { "UTF-16 without a BOM", Encoding.Unicode.GetBytes("# Title\n\nBody."), 1, "NUL byte" },
        { "invalid UTF-8", [.. "# Title\n\nBody "u8, 0xC3, 0x28], 3, "not valid UTF-8" },
        { "a NUL byte", [.. "# Title\n\nBefore "u8, 0x00, .. " after"u8], 3, "NUL byte" },
        { "unclosed front matter", Utf8("---\ntitle: Never closed\n\nBody."), 1, "never closed" },
        { "tab-indented front matter", Utf8("---\ntitle: T\nseo:\n\tindex: false\n---\nBody."), 4, "tab" },
        { "deeply nested YAML", Utf8("---\ntitle: T\nx:\n  " + Repeat("- ", 10_000) + "v\n---\nBody."), 4, "deeper than 32 levels" },
        { "100,000 nested block quotes", Utf8("# Title\n\n" + new string('>', 100_000) + " deep"), 3, "deeper than 64 levels" },
        { "an emphasis flood", Utf8("# Title\n\n" + Repeat("*a **a ", 10_000)), 3, "emphasis markers" },
        { "6,000 headings", Utf8(string.Concat(Enumerable.Range(0, 6_000).Select(i => $"## Heading {i}\n\n"))), 10_001, "headings" },
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
