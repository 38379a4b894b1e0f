using ContentPipeline.Cli.Targets;

namespace ContentPipeline.Cli.Tests.Targets;

public sealed class TargetTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        [EnvironmentVariables.Api] = "https://app.example/api/",
        [EnvironmentVariables.Key] = "key-from-environment",
        [EnvironmentVariables.Storage] = "https://account.blob.core.windows.net",
    };

    [Fact]
    public void Without_flags_or_variables_the_target_is_the_local_host_over_http()
    {
        var target = Target.Resolve(new TargetSettings(), _ => null);

        Assert.Equal(new Uri("http://127.0.0.1:7071/api/"), target.ApiBaseUrl);
        Assert.Null(target.FunctionKey);
        Assert.Null(target.Storage);
    }

    [Fact]
    public void Variables_stand_in_for_missing_flags()
    {
        var target = Target.Resolve(new TargetSettings(), Variables.GetValueOrDefault);

        Assert.Equal(new Uri("https://app.example/api/"), target.ApiBaseUrl);
        Assert.Equal("key-from-environment", target.FunctionKey);
        Assert.Equal("https://account.blob.core.windows.net", target.Storage);
    }

    [Fact]
    public void Flags_win_over_variables()
    {
        var settings = new TargetSettings { Api = "https://other.example/api", Key = "key-from-flag", Storage = "UseDevelopmentStorage=true" };

        var target = Target.Resolve(settings, Variables.GetValueOrDefault);

        Assert.Equal(new Uri("https://other.example/api/"), target.ApiBaseUrl);
        Assert.Equal("key-from-flag", target.FunctionKey);
        Assert.Equal("UseDevelopmentStorage=true", target.Storage);
    }

    [Theory]
    [InlineData("127.0.0.1:7071/api")]
    [InlineData("ftp://example/api/")]
    [InlineData("api/")]
    public void An_api_url_that_is_not_absolute_http_is_a_usage_error(string api)
    {
        var error = Assert.Throws<CliUsageException>(() => Target.Resolve(new TargetSettings { Api = api }, _ => null));

        Assert.Contains(api, error.Message, StringComparison.Ordinal);
    }
}
