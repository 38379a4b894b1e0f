using System.Diagnostics.CodeAnalysis;

namespace ContentPipeline.Testing;

/// <summary>
/// The name of the xunit collection that shares one <see cref="AzuriteFixture"/>.
/// </summary>
/// <remarks>
/// xunit only discovers a collection definition in the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(AzuriteCollection.Name)] public sealed class AzuriteCollectionDefinition : ICollectionFixture&lt;AzuriteFixture&gt;;</c>
/// and its Azurite-backed test classes carry <c>[Collection(AzuriteCollection.Name)]</c> and take the fixture in their constructor.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It names an xunit test collection, which is what xunit calls it.")]
public static class AzuriteCollection
{
    public const string Name = "Azurite";
}
