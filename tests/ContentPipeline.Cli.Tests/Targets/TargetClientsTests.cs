using ContentPipeline.Cli.Publishing;
using ContentPipeline.Cli.Targets;
using ContentPipeline.Cli.Tests.Support;

namespace ContentPipeline.Cli.Tests.Targets;

public sealed class TargetClientsTests
{
    private static readonly Uri Api = new("http://127.0.0.1:7071/api/");

    [Fact]
    public void Without_storage_sources_go_over_the_api()
    {
        using var clients = TargetClients.Create(new Target(Api, null, null), Cpipe.Environment(".", new Dictionary<string, string>()), new PublishOptions());

        Assert.IsType<HttpArticleUploader>(clients.Uploader);
        Assert.Equal($"the API at {Api}", clients.Uploader.Destination);
    }

    [Fact]
    public void A_storage_url_writes_to_that_account_with_the_credential_the_environment_hands_in()
    {
        var asked = 0;
        var plain = Cpipe.Environment(".", new Dictionary<string, string>());
        var environment = new CliEnvironment
        {
            GetVariable = plain.GetVariable,
            CurrentDirectory = plain.CurrentDirectory,
            CreateCredential = () =>
            {
                asked++;
                return plain.CreateCredential();
            },
        };

        using var clients = TargetClients.Create(new Target(Api, null, "https://account.blob.core.windows.net"), environment, new PublishOptions());

        Assert.IsType<BlobArticleUploader>(clients.Uploader);
        Assert.Equal("the articles container at https://account.blob.core.windows.net/", clients.Uploader.Destination);
        Assert.Equal(1, asked);
    }

    [Fact]
    public void A_connection_string_is_described_by_its_endpoint_never_its_key()
    {
        const string Key = "c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24=";
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

        using var clients = TargetClients.Create(new Target(Api, null, connectionString), Cpipe.Environment(".", new Dictionary<string, string>()), new PublishOptions());

        Assert.Contains("http://127.0.0.1:10000/devstoreaccount1", clients.Uploader.Destination, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, clients.Uploader.Destination, StringComparison.Ordinal);
    }
}
