using System.Text;

namespace ContentPipeline.Core.Sanitizing;

/// <summary>
/// Writes the output of <see cref="RawHtmlSanitizer"/>. It is the only way anything reaches that output, and it
/// writes only three things: text with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped; start tags and end tags
/// whose names the caller took from the allow-list, with attribute names from the allow-list and values
/// double-quoted with <c>&amp;</c>, <c>"</c>, <c>&lt;</c> and <c>&gt;</c> escaped. No comment, no raw text, nothing
/// copied from the input unescaped: a browser tokenizes the result into exactly these tokens.
/// </summary>
internal sealed class RawHtmlWriter(StringBuilder output)
{
    public void Text(string text) => Escape(text, inAttribute: false);

    public void StartTag(string name, IEnumerable<KeyValuePair<string, string>> attributes)
    {
        output.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            output.Append(' ').Append(attribute).Append("=\"");
            Escape(value, inAttribute: true);
            output.Append('"');
        }

        output.Append('>');
    }

    public void EndTag(string name) => output.Append("</").Append(name).Append('>');

    private void Escape(string text, bool inAttribute)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    output.Append("&amp;");
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '>':
                    output.Append("&gt;");
                    break;
                case '"' when inAttribute:
                    output.Append("&quot;");
                    break;
                case '\0':
                    // The tree builder drops NUL; dropping it here keeps the output stable when sanitized again.
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
    }
}
