namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>
/// One host running the TestApp for every test in <see cref="TestAppHostCollectionDefinition"/>. The tests use names of
/// their own for every blob they write, so none depends on another's data.
/// </summary>
public sealed class TestAppHostFixture() : EndToEndHostFixture(() => EndToEndApps.TestApp);
