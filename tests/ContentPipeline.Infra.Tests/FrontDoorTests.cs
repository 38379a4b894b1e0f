using ContentPipeline.Infra.Tests.Support;

namespace ContentPipeline.Infra.Tests;

/// <summary>Front Door Standard serves the static website over HTTPS and caches by the origin's Cache-Control.</summary>
[Collection(BicepCollectionDefinition.Name)]
public sealed class FrontDoorTests(BicepDeployment bicep)
{
    [Fact]
    public void Profile_is_front_door_standard()
    {
        Assert.Equal("Standard_AzureFrontDoor", bicep.SingleOf("Microsoft.Cdn/profiles").GetProperty("sku").GetProperty("name").GetString());
    }

    [Fact]
    public void Only_origin_is_the_static_website_reached_over_https()
    {
        var origin = bicep.SingleOf("Microsoft.Cdn/profiles/originGroups/origins").GetProperty("properties");
        var storageId = bicep.SingleOf("Microsoft.Storage/storageAccounts").GetProperty("id").GetString()!;

        var host = origin.GetProperty("hostName").GetString()!;
        Assert.Contains($"reference('{storageId}', ", host, StringComparison.Ordinal);
        Assert.Contains(").primaryEndpoints.web", host, StringComparison.Ordinal);
        Assert.Equal(host, origin.GetProperty("originHostHeader").GetString());
        Assert.True(origin.GetProperty("enforceCertificateNameCheck").GetBoolean());
    }

    [Fact]
    public void Route_serves_every_path_over_https_and_redirects_http()
    {
        var route = bicep.SingleOf("Microsoft.Cdn/profiles/afdEndpoints/routes").GetProperty("properties");

        Assert.Equal(["/*"], route.GetProperty("patternsToMatch").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Enabled", route.GetProperty("httpsRedirect").GetString());
        Assert.Equal("HttpsOnly", route.GetProperty("forwardingProtocol").GetString());
        Assert.Equal("Enabled", route.GetProperty("linkToDefaultDomain").GetString());
    }

    // With caching on and no rule set overriding it, Front Door keeps each response as long as its Cache-Control says,
    // which the pipeline sets per kind of file (PageCacheControl, ListingCacheControl, immutable assets).
    [Fact]
    public void Route_caches_and_no_rule_set_overrides_the_origins_cache_control()
    {
        var route = bicep.SingleOf("Microsoft.Cdn/profiles/afdEndpoints/routes").GetProperty("properties");

        Assert.True(route.TryGetProperty("cacheConfiguration", out var cache), "caching is off on the route");
        Assert.Equal("IgnoreQueryString", cache.GetProperty("queryStringCachingBehavior").GetString());
        Assert.False(route.TryGetProperty("ruleSets", out var ruleSets) && ruleSets.GetArrayLength() > 0);
        Assert.Empty(bicep.ResourcesOf("Microsoft.Cdn/profiles/ruleSets"));
    }
}
