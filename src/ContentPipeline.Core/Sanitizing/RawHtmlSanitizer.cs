using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace ContentPipeline.Core.Sanitizing;

/// <summary>
/// Sanitizes the raw HTML pieces of a Markdown document one at a time (an HTML block, or the tags of one
/// paragraph), with the same allow-list as <see cref="HtmlFragmentSanitizer"/>, at the cost of tokenizing the
/// piece instead of parsing and serializing the whole page.
/// </summary>
/// <remarks>
/// <para>
/// Safe by construction: the input is only read, by a spec-compliant HTML tokenizer (AngleSharp's), and the output
/// is generated, never copied: escaped text, and tags and attributes whose names come from the allow-list with
/// values escaped in double quotes (<see cref="RawHtmlWriter"/>). No comment, no raw-text element
/// (script, style, textarea, …), no foreign (SVG/MathML) element and no unlisted attribute is ever written, so a
/// browser tokenizes the output into exactly the tokens written, whatever the input was; a tokenizer that misread the
/// input could only make the output differ from the author's intent, never unsafe. URL attributes pass
/// <see cref="UrlPolicy.IsSafe"/> on the decoded value that is then written escaped, so the URL a browser sees is the
/// one that was checked.
/// </para>
/// <para>
/// Balanced by construction: an end tag is written only for an element this scope opened (closing the elements
/// opened inside it first), and the scope's caller closes whatever is still open at its end (<see cref="RawHtmlScope.CloseAll"/>).
/// So raw HTML cannot close or re-open markup the Markdown renderer wrote, and a stray tag cannot leak across blocks.
/// </para>
/// <para>
/// Elements that are not allowed are dropped with their content (a void element alone; a raw-text element up to the
/// end tag a browser would see), except text wrappers such as <c>font</c> or <c>center</c>, whose content stays
/// (<see cref="HtmlPolicy.UnwrappedTags"/>), as in <see cref="HtmlFragmentSanitizer"/>. Comments, doctypes and
/// processing instructions are dropped. Stateless and thread-safe.
/// </para>
/// </remarks>
public static class RawHtmlSanitizer
{
    /// <summary>Sanitizes <paramref name="html"/> as one balanced piece: what it opens and leaves open is closed at its end.</summary>
    public static string Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var output = new StringBuilder(html.Length);
        var writer = new RawHtmlWriter(output);
        var scope = new RawHtmlScope();
        Sanitize(html, scope, writer);
        scope.CloseAll(writer);
        return output.ToString();
    }

    /// <summary>
    /// Sanitizes one piece of a longer stretch into <paramref name="output"/>; <paramref name="scope"/> carries the open
    /// elements and a skipped element from piece to piece. The caller ends the stretch with <see cref="RawHtmlScope.CloseAll"/>.
    /// </summary>
    internal static void Sanitize(string html, RawHtmlScope scope, RawHtmlWriter output)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        while (tokenizer.Get() is { Type: not HtmlTokenType.EndOfFile } token)
        {
            switch (token.Type)
            {
                case HtmlTokenType.Character when !scope.IsSkipping:
                    output.Text(token.Data);
                    break;
                case HtmlTokenType.StartTag:
                    StartTag((HtmlTagToken)token, tokenizer, scope, output);
                    break;
                case HtmlTokenType.EndTag:
                    EndTag(token.Name, scope, output);
                    break;
                default:
                    // Comments, doctypes, processing instructions, and text inside a dropped element.
                    break;
            }
        }
    }

    private static void StartTag(HtmlTagToken tag, HtmlTokenizer tokenizer, RawHtmlScope scope, RawHtmlWriter output)
    {
        var name = tag.Name;
        if (HtmlPolicy.RawTextTags.TryGetValue(name, out var mode))
        {
            // Read its content as a browser would (as text up to the matching end tag), so that markup-looking text in
            // a script or a textarea is not taken for tags, then drop it. A raw-text element inside skipped content
            // is read the same way, so the end of the skipped element is found where a browser finds it.
            tokenizer.State = mode;
        }

        if (scope.IsSkipping)
        {
            if (string.Equals(name, scope.Skipped, StringComparison.Ordinal) && !IsEmpty(tag))
            {
                scope.CountSkipped(+1);
            }

            return;
        }

        if (IsAsciiName(name) && HtmlPolicy.AllowedTagSet.Contains(name))
        {
            var isVoid = HtmlPolicy.VoidTags.Contains(name);
            if (isVoid || scope.CanOpen)
            {
                output.StartTag(name, Attributes(name, tag));
            }

            if (!isVoid && scope.CanOpen)
            {
                // A self-closing flag on an HTML element is ignored by browsers: the element stays open, and so here.
                scope.Open(name);
            }
        }
        else if (!HtmlPolicy.UnwrappedTags.Contains(name) && !IsEmpty(tag))
        {
            scope.StartSkipping(name);
        }
    }

    private static void EndTag(string name, RawHtmlScope scope, RawHtmlWriter output)
    {
        if (scope.IsSkipping)
        {
            if (string.Equals(name, scope.Skipped, StringComparison.Ordinal))
            {
                scope.CountSkipped(-1);
            }
        }
        else if (HtmlPolicy.AllowedTagSet.Contains(name))
        {
            scope.Close(name, output);
        }
    }

    /// <summary>A dropped element without content: a void element, or a self-closing one where that closes it (SVG, MathML).</summary>
    private static bool IsEmpty(HtmlTagToken tag) =>
        HtmlPolicy.VoidTags.Contains(tag.Name) || (tag.IsSelfClosing && tag.Name is "svg" or "math");

    /// <summary>
    /// The attributes the element keeps, in source order: allowed names only (the tokenizer has lower-cased them and
    /// kept the first of duplicates), URLs that pass <see cref="UrlPolicy"/>, and <c>rel</c> as <see cref="HtmlPolicy.Rel"/> decides.
    /// </summary>
    private static List<KeyValuePair<string, string>> Attributes(string element, HtmlTagToken tag)
    {
        var kept = new List<KeyValuePair<string, string>>(tag.Attributes.Count);
        string? rel = null;
        string? href = null;
        foreach (var attribute in tag.Attributes)
        {
            var name = attribute.Name;
            var value = attribute.Value;
            if (!IsAsciiName(name) || !HtmlPolicy.AllowedAttributeSet.Contains(name))
            {
                continue;
            }

            if (name == "rel")
            {
                rel = value;
                continue;
            }

            if (HtmlPolicy.UriAttributeSet.Contains(name))
            {
                if (!UrlPolicy.IsSafe(value))
                {
                    continue;
                }

                href = name == "href" ? value : href;
            }
            else if (HtmlPolicy.UriListAttributeSet.Contains(name))
            {
                if (SafeCandidates(value) is not { } candidates)
                {
                    continue;
                }

                value = candidates;
            }

            kept.Add(new(name, value));
        }

        if (HtmlPolicy.Rel(element == "a", rel, href) is { } keptRel)
        {
            kept.Add(new("rel", keptRel));
        }

        return kept;
    }

    /// <summary>
    /// The candidates of a <c>srcset</c> whose URL passes <see cref="UrlPolicy.IsSafe"/> and whose descriptor is a
    /// plain width or density (<c>640w</c>, <c>2x</c>), joined again; null when none is left. Anything unusual drops
    /// its candidate, so a browser's srcset parser can find no URL here that was not checked.
    /// </summary>
    private static string? SafeCandidates(string srcset)
    {
        var kept = new List<string>();
        foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = candidate.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 1 or 2 && UrlPolicy.IsSafe(parts[0]) && (parts.Length == 1 || IsDescriptor(parts[1])))
            {
                kept.Add(string.Join(' ', parts));
            }
        }

        return kept.Count == 0 ? null : string.Join(", ", kept);
    }

    private static bool IsDescriptor(string descriptor) =>
        descriptor.Length >= 2
        && descriptor[^1] is 'w' or 'x'
        && descriptor[..^1].All(c => char.IsAsciiDigit(c) || c == '.');

    private static bool IsAsciiName(string name) => name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
