using ContentPipeline.Infra.Tests.Support;

namespace ContentPipeline.Infra.Tests;

/// <summary>
/// Every setting the app reads is set by the Bicep (the function app's app settings), unless it is a tuning knob
/// whose default is what production wants, listed below with the reason. A new option therefore fails here until it
/// is either set in infra/modules/functionapp.bicep or knowingly added to the list.
/// </summary>
[Collection(BicepCollectionDefinition.Name)]
public sealed class ConfigurationCoverageTests(BicepDeployment bicep)
{
    /// <summary>Options the deployment leaves at their defaults, and why.</summary>
    private static readonly Dictionary<string, string> LeftAtDefault = new(StringComparer.Ordinal)
    {
        ["ContentPipeline__MaxUploadBytes"] = "1 MiB fits any article; a limit, not an environment fact.",
        ["ContentPipeline__PageCacheControl"] = "Front Door honours it; with purging on, the default max-age only bounds staleness when a purge fails.",
        ["ContentPipeline__ListingCacheControl"] = "As PageCacheControl, for listings.",
        ["ContentPipeline__ListPageSize"] = "Presentation, the same everywhere.",
        ["ContentPipeline__FeedSize"] = "Presentation, the same everywhere.",
        ["ContentPipeline__SiteRebuildDelay"] = "Debounce of listing rebuilds; tuning.",
        ["ContentPipeline__TemplateDirectory"] = "Null means the built-in templates; a custom folder would have to ship with the app package.",
        ["ContentPipeline__Views__CompactionAge"] = "View counter tuning, validated at start-up; its default is tied to the counter's retry window.",
        ["ContentPipeline__Views__CompactionThreshold"] = "View counter tuning.",
        ["ContentPipeline__Views__TotalRefreshInterval"] = "View counter tuning.",
        ["ContentPipeline__Views__CountableCacheDuration"] = "View counter tuning.",
    };

    [Fact]
    public void Options_classes_are_found()
    {
        // Guards the discovery itself: if it found nothing, every test below would pass vacuously.
        Assert.Subset(
            AppSurface.OptionsClasses().Select(o => o.Section).ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal) { "ContentPipeline", "ContentPipeline:Views", "ContentPipeline:Cdn" });
    }

    [Fact]
    public void Every_option_is_set_by_the_bicep_or_left_at_its_default_for_a_stated_reason()
    {
        var settings = bicep.AppSettings();

        var missing = AppSurface.OptionSettings().Keys
            .Where(key => !settings.ContainsKey(key) && !LeftAtDefault.ContainsKey(key))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"Options neither set in infra/modules/functionapp.bicep nor listed in LeftAtDefault: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Options_left_at_their_default_exist_and_are_not_set_after_all()
    {
        var options = AppSurface.OptionSettings();
        var settings = bicep.AppSettings();

        Assert.All(LeftAtDefault.Keys, key => Assert.True(options.ContainsKey(key), $"{key} is no option (renamed or removed?)"));
        Assert.All(LeftAtDefault.Keys, key => Assert.False(settings.ContainsKey(key), $"{key} is set by the Bicep after all"));
    }

    // What differs between environments must always be set: where the site and API are, what the site is called, the
    // storage names, and Front Door.
    [Fact]
    public void Only_tuning_knobs_are_left_at_their_default()
    {
        var mustBeSet = LeftAtDefault.Keys.Where(key =>
            key.EndsWith("Url", StringComparison.Ordinal) || key.EndsWith("Name", StringComparison.Ordinal)
            || key.EndsWith("Container", StringComparison.Ordinal) || key.EndsWith("Table", StringComparison.Ordinal)
            || key.EndsWith("Queue", StringComparison.Ordinal) || key.StartsWith("ContentPipeline__Cdn__", StringComparison.Ordinal));

        Assert.Empty(mustBeSet);
    }

    [Fact]
    public void Every_ContentPipeline_setting_of_the_bicep_is_an_option_the_app_reads()
    {
        var options = AppSurface.OptionSettings();

        var unknown = bicep.AppSettings().Keys
            .Where(key => key.StartsWith("ContentPipeline__", StringComparison.OrdinalIgnoreCase) && !options.ContainsKey(key))
            .ToList();

        Assert.True(unknown.Count == 0, $"Settings no option binds from (misspelt, or the option was renamed): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Storage_connections_of_the_triggers_and_the_app_are_identity_based()
    {
        var settings = bicep.AppSettings();
        var clientId = IdentityClientIdExpression();

        var connections = AppSurface.StorageConnections();

        Assert.Contains("AzureWebJobsStorage", connections);
        foreach (var connection in connections)
        {
            // A connection string would need shared keys, which the storage account has off.
            Assert.False(settings.ContainsKey(connection), $"{connection} is set as a connection string");
            foreach (var service in new[] { "blob", "queue", "table" })
            {
                Assert.Contains($"primaryEndpoints.{service}", settings[$"{connection}__{service}ServiceUri"], StringComparison.Ordinal);
            }

            Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
            Assert.Equal(clientId, settings[$"{connection}__clientId"]);
        }
    }

    [Fact]
    public void Storage_name_settings_are_the_defaults_the_triggers_are_bound_to()
    {
        var settings = bicep.AppSettings();

        // The trigger attributes name the container and queue with these defaults, so the settings must not differ.
        foreach (var name in new[] { "ArticlesContainer", "SiteContainer", "CatalogTable", "ViewsTable", "SiteRebuildQueue" })
        {
            var key = $"ContentPipeline__{name}";
            Assert.Equal(AppSurface.DefaultOf(key), settings[key]);
        }
    }

    [Fact]
    public void Cdn_settings_name_the_front_door_endpoint_and_the_apps_identity()
    {
        var settings = bicep.AppSettings();
        var profile = bicep.SingleOf("Microsoft.Cdn/profiles").GetProperty("name").GetString();
        var endpoint = bicep.NamesOf("Microsoft.Cdn/profiles/afdEndpoints").Single();

        Assert.Equal("true", settings["ContentPipeline__Cdn__PurgeEnabled"]);
        Assert.Equal(BicepDeployment.SubscriptionId, settings["ContentPipeline__Cdn__SubscriptionId"]);
        Assert.Equal(bicep.SingleOf("Microsoft.Resources/resourceGroups").GetProperty("name").GetString(), settings["ContentPipeline__Cdn__ResourceGroup"]);
        Assert.Equal(profile, settings["ContentPipeline__Cdn__ProfileName"]);
        Assert.Equal(endpoint, settings["ContentPipeline__Cdn__EndpointName"]);
        Assert.Equal(IdentityClientIdExpression(), settings["ContentPipeline__Cdn__ClientId"]);
    }

    [Fact]
    public void Site_url_is_the_front_door_endpoint_and_the_api_url_the_function_apps_api_route()
    {
        var settings = bicep.AppSettings();
        var endpointId = IdOf("Microsoft.Cdn/profiles/afdEndpoints");
        var siteId = IdOf("Microsoft.Web/sites");

        AssertReads(settings["ContentPipeline__SiteBaseUrl"], endpointId, "hostName");
        Assert.StartsWith("[format('https://{0}/', ", settings["ContentPipeline__SiteBaseUrl"], StringComparison.Ordinal);
        AssertReads(settings["ContentPipeline__ApiBaseUrl"], siteId, "defaultHostName");
        Assert.StartsWith("[format('https://{0}/api/', ", settings["ContentPipeline__ApiBaseUrl"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(settings["ContentPipeline__SiteName"]));
    }

    [Fact]
    public void Api_allows_the_site_origin_the_beacon_posts_from()
    {
        var cors = bicep.SingleOf("Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("cors");

        var origin = Assert.Single(cors.GetProperty("allowedOrigins").EnumerateArray()).GetString()!;

        // The Front Door endpoint's host as an origin: scheme and host, no path.
        AssertReads(origin, IdOf("Microsoft.Cdn/profiles/afdEndpoints"), "hostName");
        Assert.StartsWith("[format('https://{0}', ", origin, StringComparison.Ordinal);
        Assert.False(cors.GetProperty("supportCredentials").GetBoolean());
    }

    [Fact]
    public void Telemetry_goes_to_application_insights_with_the_apps_identity()
    {
        var settings = bicep.AppSettings();

        AssertReads(settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], IdOf("Microsoft.Insights/components"), "ConnectionString");
        AssertReads(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], IdOf("Microsoft.ManagedIdentity/userAssignedIdentities"), "clientId");
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', ", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    // A value only Azure knows stays an ARM expression in the snapshot: check which resource and property it reads.
    private static void AssertReads(string value, string resourceId, string property)
    {
        Assert.Contains($"reference('{resourceId}', ", value, StringComparison.Ordinal);
        Assert.Contains($").{property}", value, StringComparison.Ordinal);
    }

    private string IdOf(string type) => bicep.SingleOf(type).GetProperty("id").GetString()!;

    private string IdentityClientIdExpression()
    {
        var identity = bicep.SingleOf("Microsoft.ManagedIdentity/userAssignedIdentities");
        return $"[reference('{identity.GetProperty("id").GetString()}', '{identity.GetProperty("apiVersion").GetString()}').clientId]";
    }
}
