using System.Text.Json;
using ContentPipeline.Infra.Tests.Support;

namespace ContentPipeline.Infra.Tests;

/// <summary>
/// The function app runs on Flex Consumption as its user-assigned identity, and that identity holds exactly the roles
/// its identity-based connections, its telemetry and its Front Door purges need; keys are off everywhere.
/// </summary>
[Collection(BicepCollectionDefinition.Name)]
public sealed class IdentityAndAccessTests(BicepDeployment bicep)
{
    // Built-in role ids, by name.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CdnProfileContributor = "ec156ff8-a8d1-4d15-830c-5b80698ca432";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    [Fact]
    public void Function_app_runs_on_flex_consumption_with_the_apps_target_framework()
    {
        var plan = bicep.SingleOf("Microsoft.Web/serverfarms");
        var site = bicep.SingleOf("Microsoft.Web/sites");
        var runtime = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");

        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.True(site.GetProperty("properties").GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal(AppSurface.TargetDotnetVersion(), runtime.GetProperty("version").GetString());
    }

    [Fact]
    public void Function_app_runs_as_the_user_assigned_identity_and_reads_its_package_with_it()
    {
        var identityId = IdOf("Microsoft.ManagedIdentity/userAssignedIdentities");
        var site = bicep.SingleOf("Microsoft.Web/sites");
        var identity = site.GetProperty("identity");
        var packageAuth = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage").GetProperty("authentication");

        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        Assert.Equal([identityId], identity.GetProperty("userAssignedIdentities").EnumerateObject().Select(p => p.Name));
        Assert.Equal("UserAssignedIdentity", packageAuth.GetProperty("type").GetString());
        Assert.Equal(identityId, packageAuth.GetProperty("userAssignedIdentityResourceId").GetString());
    }

    [Fact]
    public void Apps_identity_holds_the_data_telemetry_and_purge_roles_on_their_resources()
    {
        var expected = new[]
        {
            $"{StorageBlobDataOwner} on {IdOf("Microsoft.Storage/storageAccounts")}",
            $"{StorageQueueDataContributor} on {IdOf("Microsoft.Storage/storageAccounts")}",
            $"{StorageTableDataContributor} on {IdOf("Microsoft.Storage/storageAccounts")}",
            $"{MonitoringMetricsPublisher} on {IdOf("Microsoft.Insights/components")}",
            $"{CdnProfileContributor} on {IdOf("Microsoft.Cdn/profiles")}",
        };

        var actual = RoleAssignments()
            .Where(a => a.PrincipalId.Contains($"reference('{IdOf("Microsoft.ManagedIdentity/userAssignedIdentities")}'", StringComparison.Ordinal))
            .Select(a => $"{a.RoleId} on {a.Scope}");

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Deploying_principal_may_upload_sources_and_nothing_more()
    {
        var assignment = Assert.Single(RoleAssignments(), a => a.PrincipalId == BicepDeployment.EditorPrincipalId);

        Assert.Equal(StorageBlobDataContributor, assignment.RoleId);
        Assert.Equal(IdOf("Microsoft.Storage/storageAccounts"), assignment.Scope);
    }

    [Fact]
    public void Monitoring_takes_no_keys()
    {
        var insights = bicep.SingleOf("Microsoft.Insights/components").GetProperty("properties");
        var workspace = bicep.SingleOf("Microsoft.OperationalInsights/workspaces").GetProperty("properties");

        Assert.True(insights.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Equal(IdOf("Microsoft.OperationalInsights/workspaces"), insights.GetProperty("WorkspaceResourceId").GetString());
        Assert.True(workspace.GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
    }

    [Fact]
    public void Basic_publishing_credentials_are_off()
    {
        var policies = bicep.ResourcesOf("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(["ftp", "scm"], policies.Select(p => p.GetProperty("name").GetString()!.Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }

    private IEnumerable<(string RoleId, string Scope, string PrincipalId)> RoleAssignments() =>
        bicep.ResourcesOf("Microsoft.Authorization/roleAssignments").Select(a =>
        {
            var id = a.GetProperty("id").GetString()!;
            var properties = a.GetProperty("properties");
            return (
                RoleId: properties.GetProperty("roleDefinitionId").GetString()!.Split('/')[^1],
                Scope: id[..id.IndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)],
                PrincipalId: properties.GetProperty("principalId").GetString()!);
        });

    private string IdOf(string type) => bicep.SingleOf(type).GetProperty("id").GetString()!;
}
