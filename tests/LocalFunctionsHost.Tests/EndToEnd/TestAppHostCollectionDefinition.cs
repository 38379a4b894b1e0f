namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>The test classes that share one running TestApp host (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class TestAppHostCollectionDefinition : ICollectionFixture<TestAppHostFixture>
{
    public const string Name = "TestApp host, end to end";
}
