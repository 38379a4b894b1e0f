namespace ContentPipeline.Storage.Cdn;

/// <summary>Where the Front Door endpoint in front of the site is, for purging; bound from <see cref="SectionName"/>.</summary>
public sealed class CdnOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "ContentPipeline:Cdn";

    /// <summary>Purge changed paths after each change. Off by default (and locally, where there is no CDN).</summary>
    public bool PurgeEnabled { get; set; }

    /// <summary>Subscription of the Front Door profile.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>Resource group of the Front Door profile.</summary>
    public string? ResourceGroup { get; set; }

    /// <summary>Name of the Front Door (Standard/Premium) profile.</summary>
    public string? ProfileName { get; set; }

    /// <summary>Name of the endpoint serving the site.</summary>
    public string? EndpointName { get; set; }

    /// <summary>Client id of the user-assigned identity allowed to purge; null uses the default credential chain.</summary>
    public string? ClientId { get; set; }

    /// <summary>True when every setting purging needs is present.</summary>
    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(SubscriptionId) && !string.IsNullOrWhiteSpace(ResourceGroup)
        && !string.IsNullOrWhiteSpace(ProfileName) && !string.IsNullOrWhiteSpace(EndpointName);
}
