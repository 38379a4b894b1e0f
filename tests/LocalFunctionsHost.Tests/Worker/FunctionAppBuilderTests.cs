using LocalFunctionsHost.App;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.Worker;

/// <summary>Runs the real .NET SDK on a tiny project (outside the repository, so none of its build settings apply).</summary>
public sealed class FunctionAppBuilderTests(ITestOutputHelper output) : IDisposable
{
    private const string LibraryProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        </Project>
        """;

    private readonly ILoggerFactory _loggerFactory = TestOutputLoggerProvider.CreateFactory(output);

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public async Task Building_a_project_returns_the_folder_its_assembly_was_built_into()
    {
        using var folder = new TemporaryAppFolder()
            .With("Sample.App.csproj", LibraryProject)
            .With("Greeter.cs", "namespace Sample.App; public static class Greeter { public static string Hello => \"hello\"; }");

        var outputDirectory = await Builder().BuildAsync(folder.Path);

        Assert.Equal(Path.Combine(folder.Path, "bin", "Debug", "net10.0"), outputDirectory);
        Assert.True(File.Exists(Path.Combine(outputDirectory, "Sample.App.dll")));
    }

    [Fact]
    public async Task A_failing_build_is_reported_with_the_compilers_error()
    {
        using var folder = new TemporaryAppFolder()
            .With("Broken.csproj", LibraryProject)
            .With("Broken.cs", "namespace Broken; public static class Oops { public static int Value => \"not a number\"; }");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Builder().BuildAsync(Path.Combine(folder.Path, "Broken.csproj")));

        Assert.Contains("CS0029", error.Message, StringComparison.Ordinal);
    }

    private FunctionAppBuilder Builder() => new(_loggerFactory.CreateLogger<FunctionAppBuilder>(), useBuildServers: false);
}
