using System.Text;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Parsing;

namespace ContentPipeline.Core.Tests.Parsing;

public sealed class SourceDecoderTests
{
    [Fact]
    public void Invalid_utf8_is_refused_with_offset_and_line()
    {
        byte[] content = [.. "line one\nline two "u8.ToArray(), 0xC3, 0x28];

        Assert.False(SourceDecoder.TryDecode(content, out _, out var error));
        Assert.Equal(2, error!.Line);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 })]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x41 })]
    public void Utf16_with_bom_is_refused_with_a_hint(byte[] content)
    {
        Assert.False(SourceDecoder.TryDecode(content, out _, out var error));
        Assert.Contains("UTF-16", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Utf16_without_bom_is_refused_for_its_nul_bytes(string encoding)
    {
        var content = Encoding.GetEncoding(encoding).GetBytes("# Title");

        Assert.False(SourceDecoder.TryDecode(content, out _, out var error));
        Assert.Contains("NUL byte", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bom_is_dropped_and_line_endings_become_lf()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. "a\r\nb\rc\n"u8.ToArray()];

        Assert.True(SourceDecoder.TryDecode(content, out var text, out _));
        Assert.Equal("a\nb\nc\n", text);
    }

    [Fact]
    public void Empty_and_blank_files_are_refused_by_the_parser()
    {
        var parser = new ArticleParser();

        Assert.False(parser.Parse(new ArticleSource(Array.Empty<byte>(), ArticleFormat.Markdown, "a.md")).IsSuccess);
        Assert.False(parser.Parse(new ArticleSource("  \n\t\n"u8.ToArray(), ArticleFormat.Markdown, "a.md")).IsSuccess);
    }

    [Fact]
    public void A_nul_byte_in_utf8_text_is_refused_with_offset_and_line()
    {
        byte[] content = [.. "line one\nline two\nthree "u8.ToArray(), 0x00, .. "after"u8.ToArray()];

        Assert.False(SourceDecoder.TryDecode(content, out _, out var error));
        Assert.Equal(3, error!.Line);
        Assert.Contains("NUL byte at offset 24", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })] // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-16 surrogate encoded as UTF-8 (CESU-8)
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // past U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 })] // truncated sequence at the end
    public void Byte_sequences_that_are_not_utf8_are_refused(byte[] bad)
    {
        byte[] content = [.. "# Title\n"u8.ToArray(), .. bad];

        Assert.False(SourceDecoder.TryDecode(content, out _, out var error));
        Assert.Equal(2, error!.Line);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }
}
