using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Core.Tests.Slugs;

public sealed class SlugTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("hello-world")]
    [InlineData("2024-05-01-release-notes")]
    [InlineData("a-b-c-1-2-3")]
    [InlineData("x86-64")]
    public void Valid_slug_is_accepted_unchanged(string text)
    {
        var accepted = Slug.TryParse(text, out var slug, out var error);

        Assert.True(accepted, error);
        Assert.Equal(text, slug!.Value);
        Assert.Equal(text, slug.ToString());
        Assert.Null(error);
    }

    [Fact]
    public void Slug_of_exactly_80_characters_is_accepted()
    {
        var text = new string('a', 40) + "-" + new string('b', 39);

        var accepted = Slug.TryParse(text, out var slug, out _);

        Assert.Equal(80, text.Length);
        Assert.True(accepted);
        Assert.Equal(text, slug!.Value);
    }

    [Fact]
    public void Slug_of_81_characters_is_rejected_with_its_length()
    {
        var text = new string('a', 81);

        var accepted = Slug.TryParse(text, out var slug, out var error);

        Assert.False(accepted);
        Assert.Null(slug);
        Assert.Contains("81 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_long_slug_error_quotes_only_a_prefix()
    {
        var text = new string('a', 10_000);

        var accepted = Slug.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.NotNull(error);
        Assert.True(error.Length < 200, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_slug_is_rejected(string? text)
    {
        var accepted = Slug.TryParse(text, out var slug, out var error);

        Assert.False(accepted);
        Assert.Null(slug);
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("hello-World")]
    [InlineData("HELLO")]
    public void Uppercase_is_rejected_not_lowercased(string text)
    {
        var accepted = Slug.TryParse(text, out var slug, out _);

        Assert.False(accepted);
        Assert.Null(slug);
    }

    [Fact]
    public void Error_names_the_offending_character_and_the_rule()
    {
        var accepted = Slug.TryParse("Foo", out _, out var error);

        Assert.False(accepted);
        Assert.Equal(
            "Slug 'Foo' contains 'F': use only lowercase a-z, 0-9 and single hyphens, 1–80 characters.",
            error);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a..b")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("/a")]
    [InlineData("a\\b")]
    [InlineData("a%2Fb")]
    [InlineData("a%2e%2e")]
    [InlineData("100%")]
    [InlineData("a b")]
    [InlineData(" a")]
    [InlineData("a ")]
    [InlineData("a\tb")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\0b")]
    [InlineData("a\u0007b")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u00A0b")]
    [InlineData("a\u2028b")]
    [InlineData("a_b")]
    [InlineData("a.b")]
    [InlineData("a+b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a:b")]
    [InlineData("a'b")]
    [InlineData("<script>")]
    [InlineData("café")]
    [InlineData("straße")]
    [InlineData("北京")]
    [InlineData("\u0430pple")] // Cyrillic а
    [InlineData("p\u0430ypal")]
    [InlineData("\u0391lpha")] // Greek Α
    [InlineData("evil\u202Etxt")] // right-to-left override
    [InlineData("a\u200Bb")] // zero-width space
    [InlineData("a\u200Db")] // zero-width joiner
    [InlineData("a\uFEFFb")] // byte order mark
    [InlineData("\uFF41\uFF42\uFF43")] // fullwidth abc
    [InlineData("\uFF10")] // fullwidth 0
    [InlineData("a\uFF0Fb")] // fullwidth solidus
    [InlineData("\u0661\u0662")] // Arabic-Indic digits
    [InlineData("\u2460")] // circled 1
    [InlineData("\u212A")] // Kelvin sign, upper-cases like K
    [InlineData("\u017F")] // long s
    [InlineData("a\u0301")] // combining acute
    [InlineData("\uD83D\uDE00")] // emoji
    public void Hostile_or_non_ascii_slug_is_rejected(string text)
    {
        var accepted = Slug.TryParse(text, out var slug, out var error);

        Assert.False(accepted);
        Assert.Null(slug);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("-abc", "starts with a hyphen")]
    [InlineData("abc-", "ends with a hyphen")]
    [InlineData("-", "starts with a hyphen")]
    [InlineData("a--b", "contains '--'")]
    [InlineData("a---b", "contains '--'")]
    public void Misplaced_hyphens_are_rejected_with_a_specific_message(string text, string expected)
    {
        var accepted = Slug.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil\u202Etxt", "\\u202E")]
    [InlineData("a\nb", "\\u000A")]
    [InlineData("a\rb", "\\u000D")]
    [InlineData("a\u001Bb", "\\u001B")]
    [InlineData("a\0b", "\\u0000")]
    [InlineData("\u0430pple", "\\u0430")]
    [InlineData("a\u200Bb", "\\u200B")]
    [InlineData("a<b", "\\u003C")]
    public void Error_escapes_characters_instead_of_echoing_them(string text, string escaped)
    {
        var accepted = Slug.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.NotNull(error);
        Assert.Contains(escaped, error, StringComparison.Ordinal);
        Assert.All(error, c => Assert.False(char.IsControl(c) || c is '\u202E' or '\u200B' or '\u0430' or '<', $"U+{(int)c:X4}"));
    }

    [Theory]
    [InlineData("con")]
    [InlineData("prn")]
    [InlineData("aux")]
    [InlineData("nul")]
    [InlineData("com1")]
    [InlineData("com0")]
    [InlineData("lpt9")]
    public void Windows_device_names_are_rejected_with_the_reason(string text)
    {
        var accepted = Slug.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Contains("device name Windows reserves", error, StringComparison.Ordinal);
        Assert.Contains($"'{text}.md'", error, StringComparison.Ordinal);
    }

    // Pages live in articles/{slug}/, so names of the site's own folders and files cannot collide with them.
    [Theory]
    [InlineData("index")]
    [InlineData("tags")]
    [InlineData("page")]
    [InlineData("assets")]
    [InlineData("feed")]
    [InlineData("sitemap")]
    [InlineData("robots")]
    [InlineData("404")]
    [InlineData("articles")]
    [InlineData("console")]
    [InlineData("com10")]
    [InlineData("lpt")]
    public void Names_of_site_folders_and_near_device_names_are_accepted(string text)
    {
        Assert.True(Slug.TryParse(text, out var slug, out var error), error);
        Assert.Equal(text, slug.Value);
    }

    [Fact]
    public void Lone_surrogate_is_rejected()
    {
        // Kept out of the InlineData table: xunit serializes those values, and a lone surrogate is not valid UTF-16.
        var text = "a" + (char)0xD800;

        var accepted = Slug.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Contains("\\uD800", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_for_emoji_escapes_both_surrogates()
    {
        var accepted = Slug.TryParse("a\uD83D\uDE00", out _, out var error);

        Assert.False(accepted);
        Assert.Contains("'\\uD83D\\uDE00'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Slugs_with_the_same_value_are_equal()
    {
        Assert.True(Slug.TryParse("same-slug", out var first, out _));
        Assert.True(Slug.TryParse("same-slug", out var second, out _));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
