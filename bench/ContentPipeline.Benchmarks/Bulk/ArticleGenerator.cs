using System.Globalization;
using System.Text;

namespace ContentPipeline.Benchmarks.Bulk;

/// <summary>
/// Realistic Markdown articles, the same for the same seed and count: front matter (title, date, summary, author,
/// 1–2 of <see cref="TagCount"/> tags) and a body of a few KB with headings, paragraphs, emphasis and inline code,
/// and in some articles lists, a fenced code block, a quote and links. Dates are distinct and spread over
/// <see cref="DateSpan"/>, so the newest-first order of every listing is well defined.
/// </summary>
internal static class ArticleGenerator
{
    /// <summary>The seed of every run, so every run uploads the same articles.</summary>
    public const int Seed = 20_261_125;

    public const int TagCount = 20;
    public const int MinBodyBytes = 2_000;
    public const int MaxBodyBytes = 6_000;

    /// <summary>The oldest article's date; the newest is under <see cref="DateSpan"/> later, well in the past (a future date would schedule it).</summary>
    public static readonly DateTimeOffset FirstDate = new(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan DateSpan = TimeSpan.FromDays(8 * 365);

    /// <summary>The tags articles draw from: <c>tag-00</c> … <c>tag-19</c>, which are their own page slugs too.</summary>
    public static IReadOnlyList<string> Tags { get; } =
        Enumerable.Range(0, TagCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"tag-{i:00}")).ToArray();

    private static readonly string[] Words =
    [
        "cache", "queue", "request", "latency", "budget", "release", "editor", "page", "table", "partition", "deploy",
        "review", "schema", "index", "token", "reader", "feed", "storage", "render", "template", "draft", "archive",
        "metric", "trace", "signal", "backlog", "design", "service", "client", "server", "retry", "timeout", "batch",
        "stream", "event", "trigger", "worker", "thread", "buffer", "layout", "column", "header", "footer", "route",
        "policy", "contract", "version", "change", "window", "network", "origin", "edge", "content", "article",
        "summary", "search", "ranking", "migration", "rollout", "incident", "runbook", "dashboard", "alert", "owner",
        "team", "process", "habit", "morning", "evening", "question", "answer", "pattern", "mistake", "lesson",
        "always", "rarely", "quietly", "quickly", "carefully", "simply", "often", "never", "again", "together",
        "small", "large", "stale", "fresh", "cheap", "costly", "simple", "subtle", "honest", "boring", "useful",
        "fragile", "robust", "hidden", "obvious", "shared", "local", "remote", "daily", "weekly", "early", "late",
        "the", "a", "of", "to", "and", "in", "for", "with", "on", "that", "this", "it", "is", "was", "we", "our",
        "from", "by", "when", "then", "before", "after", "every", "each", "most", "some", "few", "more", "less",
        "makes", "keeps", "breaks", "moves", "writes", "reads", "waits", "counts", "holds", "needs", "finds", "tells",
    ];

    private static readonly string[] Nouns =
    [
        "caches", "queues", "deploys", "schemas", "indexes", "feeds", "templates", "drafts", "archives", "metrics",
        "traces", "backlogs", "services", "retries", "timeouts", "batches", "streams", "events", "workers", "layouts",
        "routes", "policies", "contracts", "migrations", "rollouts", "incidents", "runbooks", "dashboards", "alerts",
        "habits", "lessons", "editors", "readers", "partitions", "budgets", "releases",
    ];

    private static readonly string[] Adjectives =
    [
        "Small", "Boring", "Honest", "Fragile", "Hidden", "Shared", "Remote", "Quiet", "Stale", "Fresh", "Cheap",
        "Subtle", "Robust", "Daily", "Late", "Early", "Simple", "Careful", "Useful", "Forgotten",
    ];

    private static readonly string[] TitlePatterns =
    [
        "{0} {1} and what they cost",
        "Notes on {0} {1}",
        "Why {1} fail: a field guide",
        "{0} {1}, {2} and the rest",
        "What we learned from {0} {1}",
        "A week of {1} & {2}",
        "Keeping {1} {3}",
        "The case for {0} {1}",
        "How many {1} is too many?",
        "{0} {1}: part two",
    ];

    private static readonly string[] States = ["fresh", "honest", "boring", "cheap", "small", "simple", "robust", "readable", "fast"];

    private static readonly string[] Authors = ["Ada Lindqvist", "Tomás Okafor", "Mei Tanaka", "Priya Raman", "Jonas Weber", "Sara Haddad"];

    private static readonly string[] Languages = ["csharp", "bash", "json", "python"];

    /// <summary>
    /// <paramref name="count"/> articles, in the order they are uploaded: shuffled, as a migration would send them, so
    /// an article's place in the listings rarely follows from when it arrived.
    /// </summary>
    /// <param name="count">How many articles.</param>
    /// <param name="seed">The same seed and count give the same articles.</param>
    /// <param name="slugPrefix">Put before every slug, to keep articles of different sets apart.</param>
    public static IReadOnlyList<GeneratedArticle> Generate(int count, int seed = Seed, string slugPrefix = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var step = DateSpan / count;
        var articles = new GeneratedArticle[count];
        for (var i = 0; i < count; i++)
        {
            // Under half a step of jitter keeps the dates strictly increasing with i, hence distinct, to the second.
            var date = FirstDate + (step * i) + (step * (random.NextDouble() / 2));
            date = new DateTimeOffset(date.Ticks - (date.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            articles[i] = Generate(random, slugPrefix, i, date);
        }

        random.Shuffle(articles);
        return articles;
    }

    private static GeneratedArticle Generate(Random random, string slugPrefix, int index, DateTimeOffset date)
    {
        var title = string.Format(CultureInfo.InvariantCulture, Pick(random, TitlePatterns), Pick(random, Adjectives), Pick(random, Nouns), Pick(random, Nouns), Pick(random, States));
        var slug = slugPrefix + SlugOf(title, index);
        // A third of the articles have two tags.
        var first = random.Next(TagCount);
        string[] tags = random.Next(3) == 0 ? [Tags[first], Tags[(first + random.Next(1, TagCount)) % TagCount]] : [Tags[first]];

        var markdown = new StringBuilder(MaxBodyBytes + 1_000);
        markdown.Append("---\n");
        markdown.Append(CultureInfo.InvariantCulture, $"title: {Quote(title)}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"date: {date.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"summary: {Quote(Sentence(random, links: false))}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"author: {Pick(random, Authors)}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"tags: [{string.Join(", ", tags)}]\n");
        markdown.Append("---\n\n");
        AppendBody(random, markdown, random.Next(MinBodyBytes, MaxBodyBytes + 1));
        return new GeneratedArticle(slug, title, date, tags, markdown.ToString());
    }

    private static void AppendBody(Random random, StringBuilder markdown, int targetBytes)
    {
        var start = markdown.Length;
        var hasList = random.Next(2) == 0;
        var hasCode = random.Next(3) == 0;
        var hasQuote = random.Next(4) == 0;
        var links = random.Next(2) == 0;
        var block = 0;
        while (markdown.Length - start < targetBytes)
        {
            if (block > 0 && block % 3 == 0)
            {
                markdown.Append(CultureInfo.InvariantCulture, $"## {Capitalize(Words[random.Next(Words.Length)])} {Pick(random, Nouns)}\n\n");
            }

            if (block == 2 && hasList)
            {
                var ordered = random.Next(2) == 0;
                var items = random.Next(3, 7);
                for (var item = 1; item <= items; item++)
                {
                    markdown.Append(ordered ? string.Create(CultureInfo.InvariantCulture, $"{item}. ") : "- ");
                    markdown.Append(Sentence(random, links)).Append('\n');
                }

                markdown.Append('\n');
            }
            else if (block == 4 && hasCode)
            {
                markdown.Append(CultureInfo.InvariantCulture, $"```{Pick(random, Languages)}\n");
                var lines = random.Next(4, 12);
                for (var line = 0; line < lines; line++)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $"{new string(' ', 4 * random.Next(3))}{Pick(random, Words)}_{Pick(random, Words)}({random.Next(1000)}); // {Pick(random, Words)}\n");
                }

                markdown.Append("```\n\n");
            }
            else if (block == 5 && hasQuote)
            {
                markdown.Append("> ").Append(Sentence(random, links: false)).Append(' ').Append(Sentence(random, links: false)).Append("\n\n");
            }
            else
            {
                var sentences = random.Next(3, 8);
                for (var s = 0; s < sentences; s++)
                {
                    markdown.Append(s == 0 ? "" : " ").Append(Sentence(random, links));
                }

                markdown.Append("\n\n");
            }

            block++;
        }
    }

    private static string Sentence(Random random, bool links)
    {
        var words = random.Next(6, 17);
        var sentence = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            var word = Words[random.Next(Words.Length)];
            if (w == 0)
            {
                word = Capitalize(word);
            }

            sentence.Append(w == 0 ? "" : " ");
            switch (random.Next(40))
            {
                case 0:
                    sentence.Append('*').Append(word).Append('*');
                    break;
                case 1:
                    sentence.Append("**").Append(word).Append("**");
                    break;
                case 2 when w > 0:
                    sentence.Append('`').Append(word).Append("()`");
                    break;
                case 3 when links && w > 0:
                    sentence.Append(CultureInfo.InvariantCulture, $"[{word}](https://example.com/{Pick(random, Nouns)}/{random.Next(100)})");
                    break;
                default:
                    sentence.Append(word);
                    break;
            }
        }

        return sentence.Append('.').ToString();
    }

    // The title's words and the article's index: readable like an editor's slug, and unique.
    private static string SlugOf(string title, int index)
    {
        var words = title.ToLowerInvariant()
            .Split([' ', ',', ':', '?', '&'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.All(char.IsAsciiLetterLower));
        return string.Create(CultureInfo.InvariantCulture, $"{string.Join('-', words)}-{index:00000}");
    }

    // YAML double-quoted scalar; titles and summaries have no characters that need more than this.
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
