namespace ContentPipeline.Core.Site;

/// <summary>The Content-Type of each kind of file the site's listings publish.</summary>
public static class SiteContentTypes
{
    /// <summary>HTML pages.</summary>
    public const string Html = "text/html; charset=utf-8";

    /// <summary>The Atom feed (RFC 4287's registered type, so feed readers recognise it).</summary>
    public const string Atom = "application/atom+xml; charset=utf-8";

    /// <summary>The sitemap.</summary>
    public const string Xml = "application/xml; charset=utf-8";

    /// <summary>robots.txt.</summary>
    public const string Text = "text/plain; charset=utf-8";
}
