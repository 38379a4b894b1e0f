using ContentPipeline.Testing;

namespace LocalFunctionsHost.Tests;

// xunit finds collection definitions only in the test assembly itself; this one gives the assembly one shared Azurite.
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
