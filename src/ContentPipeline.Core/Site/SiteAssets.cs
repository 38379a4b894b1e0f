using System.Reflection;

namespace ContentPipeline.Core.Site;

/// <summary>The built-in shared files of the site, read once from the assembly.</summary>
public sealed class SiteAssets
{
    private const string ResourcePrefix = "ContentPipeline.Core.Site.Assets.";

    /// <summary>Loads the built-in assets.</summary>
    public SiteAssets()
    {
        Stylesheet = new SiteAsset("site", ".css", "text/css; charset=utf-8", Read("site.css"));
        ViewsScript = new SiteAsset("views", ".js", "text/javascript; charset=utf-8", Read("views.js"));
        Icon = new SiteAsset("icon", ".svg", "image/svg+xml", Read("icon.svg"));
        All = [Stylesheet, ViewsScript, Icon];
    }

    /// <summary>The stylesheet every page links.</summary>
    public SiteAsset Stylesheet { get; }

    /// <summary>The view-counter beacon article pages load with <c>defer</c>.</summary>
    public SiteAsset ViewsScript { get; }

    /// <summary>
    /// The site's icon every page links; without one, browsers ask for /favicon.ico on a reader's first visit and
    /// get a 404 (an error in the console, and a request that reaches the origin through the CDN).
    /// </summary>
    public SiteAsset Icon { get; }

    /// <summary>Every asset, to publish together.</summary>
    public IReadOnlyList<SiteAsset> All { get; }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The built-in asset {name} is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
