using LocalFunctionsHost.App;

namespace LocalFunctionsHost.Tests.Worker;

public sealed class LocalSettingsTests
{
    [Fact]
    public void Values_are_read_as_text_whatever_their_json_type()
    {
        var settings = LocalSettings.Parse(
            """
            {
              "IsEncrypted": false,
              "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "Retries": 3, "Enabled": true, "Unset": null }
            }
            """,
            "local.settings.json");

        Assert.Equal("UseDevelopmentStorage=true", settings.Values["AzureWebJobsStorage"]);
        Assert.Equal("3", settings.Values["Retries"]);
        Assert.Equal("True", settings.Values["Enabled"]);
        Assert.False(settings.Values.ContainsKey("Unset"));
    }

    [Fact]
    public void Host_section_gives_cors_and_the_local_port()
    {
        var settings = LocalSettings.Parse(
            """{ "Host": { "CORS": "http://a.test, http://b.test", "CORSCredentials": true, "LocalHttpPort": 7072 } }""",
            "local.settings.json");

        Assert.Equal("http://a.test, http://b.test", settings.Cors);
        Assert.Equal(["http://a.test", "http://b.test"], settings.CorsOrigins);
        Assert.True(settings.CorsCredentials);
        Assert.Equal(7072, settings.LocalHttpPort);
    }

    [Fact]
    public void Without_a_host_section_there_is_no_cors_and_no_port()
    {
        var settings = LocalSettings.Parse("""{ "Values": {} }""", "local.settings.json");

        Assert.Null(settings.Cors);
        Assert.Empty(settings.CorsOrigins);
        Assert.Null(settings.LocalHttpPort);
    }

    [Fact]
    public void Connection_strings_are_read()
    {
        var settings = LocalSettings.Parse("""{ "ConnectionStrings": { "Sql": "Server=x" } }""", "local.settings.json");

        Assert.Equal("Server=x", settings.ConnectionStrings["Sql"]);
    }

    [Fact]
    public void An_encrypted_file_is_refused_with_how_to_fix_it()
    {
        var error = Assert.Throws<InvalidDataException>(
            () => LocalSettings.Parse("""{ "IsEncrypted": true, "Values": { "A": "b" } }""", "local.settings.json"));

        Assert.Contains("func settings decrypt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_value_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidDataException>(
            () => LocalSettings.Parse("""{ "Values": { "Nested": { "a": 1 } } }""", "local.settings.json"));

        Assert.Contains("Values.Nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_means_no_settings()
    {
        var settings = LocalSettings.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "local.settings.json"));

        Assert.Empty(settings.Values);
    }
}
