namespace ContentPipeline.Core;

/// <summary>One entry of the site navigation.</summary>
public sealed class NavigationLink
{
    /// <summary>Text of the link.</summary>
    public string Title { get; set; } = "";

    /// <summary>Target of the link, absolute or relative to the site root.</summary>
    public string Url { get; set; } = "/";
}
