using ContentPipeline.Cli.Publishing;
using Spectre.Console;

namespace ContentPipeline.Cli.Output;

/// <summary>
/// One plain line per result as it comes: what a log, a pipe or CI gets instead of a live bar, and what
/// <c>watch</c> prints. <c>outcome  file[:line]  url-or-reason</c>.
/// </summary>
internal sealed class ResultLines(IAnsiConsole console) : IProgress<ArticleResult>
{
    private readonly Lock writing = new();

    public void Report(ArticleResult value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var where = value.File.Length > 0 ? value.Location : $"({value.Slug})";
        var detail = value.Url?.ToString() ?? value.Reason ?? "";
        lock (writing)
        {
            console.MarkupLine($"{OutcomeLabels.Markup(value.Outcome)} {Markup.Escape(where)}  {Markup.Escape(detail)}");
        }
    }
}
