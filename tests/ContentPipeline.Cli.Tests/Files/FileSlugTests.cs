using ContentPipeline.Cli.Files;

namespace ContentPipeline.Cli.Tests.Files;

public sealed class FileSlugTests
{
    [Theory]
    [InlineData("hello-world.md", "hello-world")]
    [InlineData("posts/2024/hello-world.markdown", "hello-world")]
    [InlineData("fund-security-and-independence.txt", "fund-security-and-independence")]
    [InlineData("page.HTML", "page")]
    public void The_slug_is_the_file_name_without_its_extension(string fileName, string slug)
    {
        Assert.True(FileSlug.TryFrom(fileName, out var parsed, out _));
        Assert.Equal(slug, parsed.Value);
    }

    [Theory]
    [InlineData("Café Déjà Vu.md", "cafe-deja-vu.md")]
    [InlineData("Hello_World.txt", "hello-world.txt")]
    [InlineData("-leading.md", "leading.md")]
    public void A_name_that_is_not_a_slug_is_refused_with_the_name_to_rename_it_to(string fileName, string suggestion)
    {
        Assert.False(FileSlug.TryFrom(fileName, out _, out var problem));
        Assert.Contains("does not make a slug", problem, StringComparison.Ordinal);
        Assert.Contains($"Rename it to '{suggestion}'", problem, StringComparison.Ordinal);
    }
}
