using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ContentPipeline.Testing;
using Xunit.Abstractions;

namespace ContentPipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Real_sdk_clients_write_and_read_back_a_blob_and_a_table_entity()
    {
        output.WriteLine($"Azurite answered {azurite.StartupDuration.TotalMilliseconds:0} ms after its process started; blob {azurite.BlobEndpoint}, table {azurite.TableEndpoint}.");

        var container = new BlobContainerClient(azurite.ConnectionString, TestNames.Container("azurite-fixture"));
        await container.CreateAsync();
        var blob = container.GetBlobClient("articles/fund-security-and-independence.txt");
        var article = await Samples.ReadTextAsync(Samples.FundSecurityAndIndependence);
        await blob.UploadAsync(BinaryData.FromString(article));

        var downloaded = await blob.DownloadContentAsync();

        Assert.Equal(article, downloaded.Value.Content.ToString());

        var table = new TableClient(azurite.ConnectionString, TestNames.Table("AzuriteFixture"));
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("articles", "fund-security-and-independence") { ["Title"] = "Fund security and independence" });

        var entity = await table.GetEntityAsync<TableEntity>("articles", "fund-security-and-independence");

        Assert.Equal("Fund security and independence", entity.Value.GetString("Title"));
    }
}
