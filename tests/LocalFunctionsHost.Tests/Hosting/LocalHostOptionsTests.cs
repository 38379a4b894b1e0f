using LocalFunctionsHost.Hosting;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Tests.Hosting;

public sealed class LocalHostOptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void No_arguments_give_the_documented_defaults()
    {
        var (options, error) = LocalHostOptions.Parse([], NoEnvironment);

        Assert.Null(error);
        Assert.Equal((7071, 7072, 10000, 10001, 10002), (options!.Port, options.SitePort, options.BlobPort, options.QueuePort, options.TablePort));
        Assert.True(options.Build);
        Assert.False(options.Persist);
        Assert.Null(options.App);
        Assert.Equal("$web", options.SiteContainer);
    }

    [Fact]
    public void Flags_set_values_and_win_over_the_environment()
    {
        var environment = new Dictionary<string, string> { ["FUNCTIONS_HOST_PORT"] = "9000", ["FUNCTIONS_HOST_SITE_PORT"] = "9001", ["FUNCTIONS_HOST_PERSIST"] = "true" };

        var (options, error) = LocalHostOptions.Parse(["--port", "8000", "--no-build", "--app", "x/y", "--log-level", "debug"], name => environment.GetValueOrDefault(name));

        Assert.Null(error);
        Assert.Equal(8000, options!.Port);
        Assert.Equal(9001, options.SitePort);
        Assert.True(options.Persist);
        Assert.False(options.Build);
        Assert.Equal("x/y", options.App);
        Assert.Equal(LogLevel.Debug, options.LogLevel);
    }

    [Theory]
    [InlineData(new[] { "--port", "http" }, "not a port")]
    [InlineData(new[] { "--port", "70000" }, "not a port")]
    [InlineData(new[] { "--port" }, "needs a value")]
    [InlineData(new[] { "--frobnicate", "1" }, "Unknown option --frobnicate")]
    [InlineData(new[] { "stray" }, "Unexpected argument 'stray'")]
    [InlineData(new[] { "--log-level", "loud" }, "not a level")]
    public void Bad_arguments_are_refused_with_what_to_do(string[] args, string message)
    {
        var (options, error) = LocalHostOptions.Parse(args, NoEnvironment);

        Assert.Null(options);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_recognised_and_documents_every_option()
    {
        var (options, _) = LocalHostOptions.Parse(["--help"], NoEnvironment);

        Assert.True(options!.ShowHelp);
        foreach (var flag in new[] { "--app", "--port", "--site-port", "--blob-port", "--queue-port", "--table-port", "--storage", "--persist", "--no-build", "--log-level" })
        {
            Assert.Contains(flag, LocalHostOptions.Usage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_app_is_found_under_src_from_the_repository_or_a_project_folder_below_it()
    {
        var root = Directory.CreateTempSubdirectory("locator-").FullName;
        try
        {
            var app = Path.Combine(root, "src", "App", "App.csproj");
            Directory.CreateDirectory(Path.GetDirectoryName(app)!);
            File.WriteAllText(app, "<Project><PropertyGroup><AzureFunctionsVersion>v4</AzureFunctionsVersion></PropertyGroup></Project>");
            var tool = Path.Combine(root, "src", "Tool");
            Directory.CreateDirectory(tool);
            File.WriteAllText(Path.Combine(tool, "Tool.csproj"), "<Project />");

            Assert.Equal(app, FunctionAppLocator.Resolve(null, root).Path);
            Assert.Equal(app, FunctionAppLocator.Resolve(null, tool).Path);
            Assert.Contains("does not exist", FunctionAppLocator.Resolve("missing", root).Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Host_id_is_stable_short_and_differs_per_app()
    {
        var first = HostIdentity.For("/apps/one");

        Assert.Equal(first, HostIdentity.For("/apps/one"));
        Assert.NotEqual(first, HostIdentity.For("/apps/two"));
        Assert.InRange(first.Length, 1, 32);
        Assert.Matches("^[a-z0-9-]+$", first);
    }
}
