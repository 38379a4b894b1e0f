using ContentPipeline.Testing;

namespace ContentPipeline.Infra.Tests.Support;

/// <summary>Where the deployment files live in the repository.</summary>
public static class InfraFiles
{
    public static string Folder => Path.Combine(RepositoryRoot.Locate(), "infra");

    public static string MainBicep => Path.Combine(Folder, "main.bicep");

    public static string ParametersFile => Path.Combine(Folder, "main.parameters.json");

    public static string BicepConfig => Path.Combine(Folder, "bicepconfig.json");

    public static string PostDeployHook => Path.Combine(Folder, "hooks", "postdeploy.sh");

    public static string AzureYaml => Path.Combine(RepositoryRoot.Locate(), "azure.yaml");
}
