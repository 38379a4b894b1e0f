using System.Security.Cryptography;
using System.Text;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Tests.Slugs;

public sealed class SlugGeneratorTests
{
    public static TheoryData<string, string> Titles => new()
    {
        { "Hello World", "hello-world" },
        { "  Hello,   World!  ", "hello-world" },
        { "--Already-hyphenated--", "already-hyphenated" },
        { "C# & .NET 10", "c-net-10" },
        { "Top 10 tips (2024 edition)", "top-10-tips-2024-edition" },
        { "under_score_title", "under-score-title" },
        { "Tabs\tand\nnew\r\nlines", "tabs-and-new-lines" },
        { "Café déjà vu", "cafe-deja-vu" },
        { "Crème brûlée à la française", "creme-brulee-a-la-francaise" },
        { "Straße", "strasse" },
        { "Łódź", "lodz" },
        { "Ærø", "aero" },
        { "İstanbul", "istanbul" },
        { "北京欢迎你", "beijinghuanyingni" },
        { "日本語のテキスト", "ribenyunotekisuto" },
        { "안녕하세요", "annyeonghaseyo" },
        { "Привет мир", "privet-mir" },
        { "Ελληνικά", "ellinika" },
        { "مرحبا بالعالم", "mrhb-bllm" },
        { "😀 Party 🎉", "grinning-party-tada" },
        { "Ｆｕｌｌｗｉｄｔｈ", "fullwidth" },
        { "€100 off", "eur100-off" },
        { "Don't stop", "dont-stop" },
        { "Don’t stop", "dont-stop" },
        { "Rock 'n' roll", "rock-n-roll" },
        { "../../etc/passwd", "etc-passwd" },
        { "..\\..\\windows\\system32", "windows-system32" },
        { "<script>alert(1)</script>", "script-alert-1-script" },
        { "a%2Fb", "a-2fb" },
        { "javascript:alert(1)", "javascript-alert-1" },
        { "evil\u202Etxt.exe", "eviltxt-exe" },
        { "zero\u200Bwidth", "zerowidth" },
        { "\u0430pple", "apple" },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void Title_becomes_expected_slug(string title, string expected)
    {
        var slug = SlugGenerator.FromTitle(title);

        Assert.Equal(expected, slug.Value);
    }

    [Theory]
    [InlineData("!!!", "article-e84c538e")]
    [InlineData("", "article-e3b0c442")]
    [InlineData("   ", "article-0aad7da7")]
    public void Title_without_usable_characters_falls_back_to_a_hash(string title, string expected)
    {
        var slug = SlugGenerator.FromTitle(title);

        Assert.Equal(expected, slug.Value);
    }

    [Theory]
    [InlineData("Con")]
    [InlineData("NUL")]
    [InlineData("COM1")]
    public void Title_that_would_be_a_windows_device_name_falls_back_to_a_hash(string title)
    {
        var slug = SlugGenerator.FromTitle(title);

        Assert.StartsWith("article-", slug.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Fallback_is_article_prefix_and_sha256_of_utf8_title()
    {
        const string title = "?!—…";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title)))[..8];

        var slug = SlugGenerator.FromTitle(title);

        Assert.Equal("article-" + hash, slug.Value);
    }

    [Fact]
    public void Same_title_always_gives_the_same_slug()
    {
        var first = SlugGenerator.FromTitle("北京欢迎你 — 2024");
        var second = SlugGenerator.FromTitle("北京欢迎你 — 2024");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Long_title_is_cut_at_a_word_boundary()
    {
        var title = string.Join(' ', Enumerable.Repeat("word", 40));

        var slug = SlugGenerator.FromTitle(title);

        Assert.True(slug.Value.Length <= Slug.MaxLength);
        Assert.EndsWith("-word", slug.Value, StringComparison.Ordinal);
        Assert.Equal(string.Join('-', Enumerable.Repeat("word", 16)), slug.Value);
    }

    [Fact]
    public void Cut_exactly_before_a_hyphen_keeps_the_whole_80_characters()
    {
        var title = new string('a', 80) + " tail";

        var slug = SlugGenerator.FromTitle(title);

        Assert.Equal(new string('a', 80), slug.Value);
    }

    [Fact]
    public void Cut_inside_a_word_drops_that_word()
    {
        var title = new string('a', 79) + " bc";

        var slug = SlugGenerator.FromTitle(title);

        Assert.Equal(new string('a', 79), slug.Value);
    }

    [Fact]
    public void Single_word_longer_than_the_limit_is_cut_hard()
    {
        var slug = SlugGenerator.FromTitle(new string('x', 200));

        Assert.Equal(new string('x', 80), slug.Value);
    }

    [Fact]
    public void Long_cjk_title_is_shortened_and_valid()
    {
        var slug = SlugGenerator.FromTitle(string.Concat(Enumerable.Repeat("北京欢迎你", 20)));

        Assert.Equal(Slug.MaxLength, slug.Value.Length);
        Assert.True(Slug.TryParse(slug.Value, out _, out var error), error);
    }

    [Theory]
    [InlineData("posts/Café déjà vu.md", "cafe-deja-vu")]
    [InlineData("C:\\drafts\\My First Post.markdown", "my-first-post")]
    [InlineData("../../etc/passwd.md", "passwd")]
    [InlineData("archive.tar.gz", "archive-tar")]
    [InlineData("README", "readme")]
    [InlineData("2024-05-01 Release Notes.html", "2024-05-01-release-notes")]
    public void File_name_becomes_slug_without_folders_or_extension(string fileName, string expected)
    {
        var slug = SlugGenerator.FromFileName(fileName);

        Assert.Equal(expected, slug.Value);
    }

    [Fact]
    public void File_name_without_usable_characters_falls_back_to_a_hash_of_the_name()
    {
        const string fileName = "drafts/!!!.md";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileName)))[..8];

        var slug = SlugGenerator.FromFileName(fileName);

        Assert.Equal("article-" + hash, slug.Value);
    }

    [Fact]
    public void Any_text_gives_a_valid_slug()
    {
        // Seeded, so a failure is reproducible; covers lone surrogates, controls, bidi and every plane.
        var random = new Random(20240501);
        for (var i = 0; i < 2_000; i++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(0, 0x10000);
            }

            var title = new string(chars);

            var slug = SlugGenerator.FromTitle(title);

            Assert.True(Slug.TryParse(slug.Value, out _, out var error), $"{error} (input #{i})");
        }
    }
}
