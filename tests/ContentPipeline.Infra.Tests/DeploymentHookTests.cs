using System.Text.RegularExpressions;
using ContentPipeline.Infra.Tests.Support;
using ContentPipeline.Testing;
using Microsoft.Azure.Functions.Worker;
using YamlDotNet.RepresentationModel;

namespace ContentPipeline.Infra.Tests;

/// <summary>
/// azure.yaml deploys the function project to the app main.bicep tags for it, and the postdeploy hook that subscribes
/// the app to blob events reads only what main.bicep outputs and names functions the app declares.
/// </summary>
[Collection(BicepCollectionDefinition.Name)]
public sealed partial class DeploymentHookTests(BicepDeployment bicep)
{
    [Fact]
    public void Azure_yaml_deploys_the_functions_project_to_the_app_tagged_with_its_service_name()
    {
        var root = LoadAzureYaml();
        var services = (YamlMappingNode)root["services"];
        var (name, node) = Assert.Single(services.Children);
        var service = (YamlMappingNode)node;

        var project = Path.GetFullPath(Path.Combine(RepositoryRoot.Locate(), Scalar(service, "project")));
        Assert.True(File.Exists(Path.Combine(project, "ContentPipeline.Functions.csproj")), $"azure.yaml's project {project} is not the function app");
        Assert.Equal("dotnet", Scalar(service, "language"));
        Assert.Equal("function", Scalar(service, "host"));
        var tags = bicep.SingleOf("Microsoft.Web/sites").GetProperty("tags");
        Assert.Equal(((YamlScalarNode)name).Value, tags.GetProperty("azd-service-name").GetString());
    }

    [Fact]
    public void Azure_yaml_provisions_infra_main_and_runs_the_postdeploy_hook()
    {
        var root = LoadAzureYaml();
        var infra = (YamlMappingNode)root["infra"];
        var hook = (YamlMappingNode)((YamlMappingNode)root["hooks"])["postdeploy"];

        Assert.Equal("bicep", Scalar(infra, "provider"));
        Assert.Equal(InfraFiles.MainBicep, Path.GetFullPath(Path.Combine(RepositoryRoot.Locate(), Scalar(infra, "path"), Scalar(infra, "module") + ".bicep")));
        Assert.Equal(InfraFiles.PostDeployHook, Path.GetFullPath(Path.Combine(RepositoryRoot.Locate(), Scalar(hook, "run"))));
        Assert.Equal("sh", Scalar(hook, "shell"));
    }

    [Fact]
    public void Postdeploy_hook_reads_only_outputs_of_main_bicep()
    {
        var script = File.ReadAllText(InfraFiles.PostDeployHook);
        var outputs = bicep.Outputs.EnumerateObject().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        var variables = EnvironmentVariable().Matches(script).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(variables);
        Assert.All(variables, v => Assert.Contains(v, outputs));
    }

    [Fact]
    public void Postdeploy_hook_sends_blob_events_to_functions_the_app_declares()
    {
        var script = File.ReadAllText(InfraFiles.PostDeployHook);
        var publish = ShellVariable(script, "publish_function");
        var deleted = ShellVariable(script, "deleted_function");
        var deletedRoute = ShellVariable(script, "deleted_route");

        // BlobCreated goes to the blob extension's webhook, which runs only blob triggers whose source is Event Grid.
        var blobTrigger = AppSurface.BindingOf<BlobTriggerAttribute>(publish);
        Assert.NotNull(blobTrigger);
        Assert.Equal(BlobTriggerSource.EventGrid, blobTrigger.Source);
        Assert.Contains("Host.Functions.${publish_function}", script, StringComparison.Ordinal);

        // BlobDeleted goes to the HTTP webhook, called with the function's key.
        var http = AppSurface.BindingOf<HttpTriggerAttribute>(deleted);
        Assert.NotNull(http);
        Assert.Equal(deletedRoute, http.Route);
        Assert.Equal(AuthorizationLevel.Function, http.AuthLevel);
        Assert.Contains("post", http.Methods ?? [], StringComparer.OrdinalIgnoreCase);

        Assert.Contains("Microsoft.Storage.BlobCreated", script, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Storage.BlobDeleted", script, StringComparison.Ordinal);
    }

    private static YamlMappingNode LoadAzureYaml()
    {
        using var reader = new StreamReader(InfraFiles.AzureYaml);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static string ShellVariable(string script, string name)
    {
        var match = Regex.Match(script, $"^{Regex.Escape(name)}=\"([^\"]+)\"$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"postdeploy.sh does not set {name}");
        return match.Groups[1].Value;
    }

    // ${NAME:?…}, ${NAME:-…} and ${NAME}, for upper-case names: the environment azd fills from main.bicep's outputs.
    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)[:}]", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentVariable();
}
