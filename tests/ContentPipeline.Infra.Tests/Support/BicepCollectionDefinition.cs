namespace ContentPipeline.Infra.Tests.Support;

/// <summary>The tests that read infra/main.bicep share one build, lint and snapshot of it.</summary>
[CollectionDefinition(Name)]
public sealed class BicepCollectionDefinition : ICollectionFixture<BicepDeployment>
{
    public const string Name = "Bicep";
}
