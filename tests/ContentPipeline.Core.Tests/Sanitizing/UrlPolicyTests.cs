using ContentPipeline.Core.Sanitizing;

namespace ContentPipeline.Core.Tests.Sanitizing;

public sealed class UrlPolicyTests
{
    [Theory]
    [InlineData("https://example.com/a?b=c#d")]
    [InlineData("http://example.com")]
    [InlineData("HTTPS://EXAMPLE.COM")]
    [InlineData("mailto:editor@example.com")]
    [InlineData("//cdn.example.com/x.png")]
    [InlineData("/articles/other")]
    [InlineData("other.html")]
    [InlineData("../up/one")]
    [InlineData("#fn:1")]
    [InlineData("?page=2&sort=asc")]
    [InlineData("path/with:colon-after-slash")]
    [InlineData("  https://example.com/  ")]
    [InlineData("")]
    public void Allowed_urls_are_safe(string url)
    {
        Assert.True(UrlPolicy.IsSafe(url));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("\u0000javascript:alert(1)")]
    [InlineData("\u001Fjavascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("java\r\nscript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("DATA:image/png;base64,AAAA")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/")]
    [InlineData("tel:+123")]
    [InlineData("java script:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("https\u017F:x")]
    [InlineData("\u212Aava:x")]
    [InlineData("https://example.com/a\u0007b")]
    [InlineData(":no-scheme-name")]
    public void Other_schemes_and_obfuscations_are_unsafe(string url)
    {
        Assert.False(UrlPolicy.IsSafe(url));
    }

    [Fact]
    public void Null_is_not_safe()
    {
        Assert.False(UrlPolicy.IsSafe(null));
    }

    [Theory]
    [InlineData("https://example.com/", true)]
    [InlineData("HTTP://example.com/", true)]
    [InlineData("  https://example.com/", true)]
    [InlineData("//example.com/", true)]
    [InlineData("\\\\example.com/", true)]
    [InlineData("/\\example.com/", true)]
    [InlineData("/local/path", false)]
    [InlineData("relative", false)]
    [InlineData("#top", false)]
    [InlineData("mailto:a@example.com", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void External_means_leaving_the_site(string? url, bool expected)
    {
        Assert.Equal(expected, UrlPolicy.IsExternal(url));
    }
}
