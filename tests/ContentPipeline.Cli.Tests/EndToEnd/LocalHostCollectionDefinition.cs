using ContentPipeline.Testing.EndToEnd;

namespace ContentPipeline.Cli.Tests.EndToEnd;

/// <summary>
/// The tests that run <c>cpipe</c> against the real local host with the content pipeline app. They share one host
/// and run one after another (a class that needs a site of its own starts a second host, never at the same time);
/// every test uses slugs of its own, so none depends on another's articles.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LocalHostCollectionDefinition : ICollectionFixture<ContentPipelineHostFixture>
{
    public const string Name = "cpipe against the local host";
}
