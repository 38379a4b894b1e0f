using System.Globalization;
using AngleSharp.Dom;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Sanitizing;

namespace ContentPipeline.Core.Parsing;

/// <summary>
/// Parses an uploaded HTML document or fragment: the body (sanitized) is the article, the title comes from
/// <c>&lt;title&gt;</c> or the first <c>&lt;h1&gt;</c>, and standard meta tags fill the rest.
/// </summary>
public sealed class HtmlArticleParser(HtmlFragmentSanitizer sanitizer)
{
    /// <summary>Parses <paramref name="text"/>, which came from a file named <paramref name="fileName"/>.</summary>
    public ArticleParseResult Parse(string text, string fileName)
    {
        using var document = HtmlNesting.Parse(text, out var tooDeepAt);
        if (document is null)
        {
            return ArticleParseResult.Failure(
                $"The HTML nests elements deeper than {HtmlNesting.MaximumDepth} levels (unclosed tags?); close or flatten them.",
                HtmlNesting.LineAt(text, tooDeepAt));
        }

        var body = document.Body;
        if (body is null)
        {
            return ArticleParseResult.Failure("The HTML has no body; upload a document with a <body> or an HTML fragment.");
        }

        var title = NonEmpty(document.Title);
        var firstHeading = body.QuerySelector("h1");
        if (title is null && firstHeading is not null)
        {
            title = NonEmpty(firstHeading.TextContent);
        }

        // The layout prints the title; a leading <h1> that repeats it would show twice.
        if (firstHeading is not null && ReferenceEquals(body.FirstElementChild, firstHeading)
            && string.Equals(NonEmpty(firstHeading.TextContent), title, StringComparison.Ordinal))
        {
            firstHeading.Remove();
        }

        foreach (var inert in body.QuerySelectorAll("script, style, template, noscript"))
        {
            inert.Remove();
        }

        var metadata = new ArticleMetadata
        {
            Title = title ?? PlainText.TitleFromFileName(fileName),
            Date = DateOf(document),
            Summary = NonEmpty(Meta(document, "description")) is { } description
                ? PlainText.Summarize(description)
                : PlainText.Summarize(body.QuerySelector("p")?.TextContent ?? ""),
            Author = NonEmpty(Meta(document, "author")),
            Tags = (Meta(document, "keywords") ?? "").Split(',')
                .Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        };

        var html = sanitizer.Sanitize(body.InnerHtml);
        return ArticleParseResult.Success(new Article(metadata, html, PlainText.CountWords(body.TextContent)));
    }

    private static string? Meta(IDocument document, string name) =>
        document.QuerySelectorAll("meta[name], meta[property]")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("name") ?? m.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");

    private static DateTimeOffset? DateOf(IDocument document)
    {
        var text = Meta(document, "article:published_time") ?? Meta(document, "date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }

    private static string? NonEmpty(string? text)
    {
        var collapsed = PlainText.CollapseWhiteSpace(text ?? "");
        return collapsed.Length == 0 ? null : collapsed;
    }
}
