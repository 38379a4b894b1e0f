using System.Text;
using ContentPipeline.Core.Articles;

namespace ContentPipeline.Benchmarks.Parsing;

/// <summary>A source built to cost the parsers as much as their limits allow, or to pass a limit.</summary>
internal sealed record HostileSource(string Name, ArticleFormat Format, byte[] Content)
{
    public static HostileSource Markdown(string name, string text) => new(name, ArticleFormat.Markdown, Encoding.UTF8.GetBytes(text));

    public static HostileSource Html(string name, string text) => new(name, ArticleFormat.Html, Encoding.UTF8.GetBytes(text));

    public static HostileSource PlainText(string name, string text) => new(name, ArticleFormat.PlainText, Encoding.UTF8.GetBytes(text));
}
