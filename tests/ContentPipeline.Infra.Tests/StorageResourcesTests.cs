using ContentPipeline.Core;
using ContentPipeline.Core.Site;
using ContentPipeline.Infra.Tests.Support;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Infra.Tests;

/// <summary>
/// The containers, tables and queue the app uses exist after provisioning, under the names the code uses: the options'
/// defaults (which the app settings repeat) and the trigger attributes.
/// </summary>
[Collection(BicepCollectionDefinition.Name)]
public sealed class StorageResourcesTests(BicepDeployment bicep)
{
    private static readonly ContentPipelineOptions Defaults = new();

    [Fact]
    public void Containers_the_app_and_its_blob_trigger_use_are_created()
    {
        var containers = bicep.NamesOf("Microsoft.Storage/storageAccounts/blobServices/containers");
        var triggerPath = AppSurface.BindingOf<BlobTriggerAttribute>("PublishArticle")!.BlobPath;

        Assert.Contains(Defaults.ArticlesContainer, containers);
        Assert.Contains(triggerPath.Split('/')[0], containers);
    }

    [Fact]
    public void Tables_the_app_uses_are_created()
    {
        var tables = bicep.NamesOf("Microsoft.Storage/storageAccounts/tableServices/tables");

        Assert.Contains(Defaults.CatalogTable, tables);
        Assert.Contains(Defaults.ViewsTable, tables);
    }

    [Fact]
    public void Queue_the_app_and_its_queue_trigger_use_is_created()
    {
        var queues = bicep.NamesOf("Microsoft.Storage/storageAccounts/queueServices/queues");
        var triggerQueue = AppSurface.BindingOf<QueueTriggerAttribute>("RebuildSite")!.QueueName;

        Assert.Contains(Defaults.SiteRebuildQueue, queues);
        Assert.Contains(triggerQueue, queues);
    }

    // ARM cannot create a container named $web; enabling the static website creates it, and the static website serves
    // exactly that container. So the site container must be $web, and the index and 404 documents the pipeline writes.
    [Fact]
    public void Static_website_is_enabled_and_serves_the_pipelines_index_and_404_pages_from_the_site_container()
    {
        var website = bicep.SingleOf("Microsoft.Storage/storageAccounts/blobServices").GetProperty("properties").GetProperty("staticWebsite");

        Assert.Equal("$web", Defaults.SiteContainer);
        Assert.True(website.GetProperty("enabled").GetBoolean());
        Assert.Equal(SitePaths.Home, website.GetProperty("indexDocument").GetString());
        Assert.Equal(SitePaths.NotFound, website.GetProperty("errorDocument404Path").GetString());
    }

    [Fact]
    public void Storage_account_takes_no_shared_keys_and_no_anonymous_reads()
    {
        var account = bicep.SingleOf("Microsoft.Storage/storageAccounts").GetProperty("properties");

        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(account.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", account.GetProperty("minimumTlsVersion").GetString());
    }
}
