using LocalFunctionsHost.App;

namespace LocalFunctionsHost.Tests.Worker;

public sealed class HostJsonSettingsTests
{
    [Fact]
    public void Route_prefix_defaults_to_api_when_host_json_does_not_set_it()
    {
        var settings = HostJsonSettings.Parse("""{ "version": "2.0" }""", "host.json");

        Assert.Equal("api", settings.RoutePrefix);
    }

    [Fact]
    public void Route_prefix_is_read_without_surrounding_slashes()
    {
        var settings = HostJsonSettings.Parse("""{ "extensions": { "http": { "routePrefix": "/v1/" } } }""", "host.json");

        Assert.Equal("v1", settings.RoutePrefix);
    }

    [Fact]
    public void An_empty_route_prefix_puts_routes_at_the_root()
    {
        var settings = HostJsonSettings.Parse("""{ "extensions": { "http": { "routePrefix": "" } } }""", "host.json");

        Assert.Equal(string.Empty, settings.RoutePrefix);
    }

    [Fact]
    public void Names_match_case_insensitively_and_comments_and_trailing_commas_are_allowed()
    {
        var settings = HostJsonSettings.Parse(
            """
            {
              // as configuration reads it
              "Extensions": { "HTTP": { "RoutePrefix": "x", }, },
            }
            """,
            "host.json");

        Assert.Equal("x", settings.RoutePrefix);
    }

    [Fact]
    public void Blob_settings_are_read_and_missing_ones_take_the_extension_defaults()
    {
        var configured = HostJsonSettings.Parse(
            """{ "extensions": { "blobs": { "maxDegreeOfParallelism": 4, "poisonBlobThreshold": 2 } } }""", "host.json");
        var unset = HostJsonSettings.Parse("{}", "host.json");

        Assert.Equal(new BlobsExtensionSettings(4, 2), configured.Blobs);
        Assert.Equal(8 * Environment.ProcessorCount, unset.Blobs.MaxDegreeOfParallelism);
        Assert.Equal(5, unset.Blobs.PoisonBlobThreshold);
    }

    [Fact]
    public void Any_section_can_be_read_by_path()
    {
        var settings = HostJsonSettings.Parse("""{ "extensions": { "queues": { "maxDequeueCount": 3 } } }""", "host.json");

        var queues = settings.GetSection("extensions", "Queues");

        Assert.NotNull(queues);
        Assert.Equal(3, queues.Value.GetProperty("maxDequeueCount").GetInt32());
        Assert.Null(settings.GetSection("extensions", "serviceBus"));
    }

    [Fact]
    public void Invalid_json_is_reported_with_the_file_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => HostJsonSettings.Parse("{ nope", "/app/host.json"));

        Assert.Contains("/app/host.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_means_the_defaults()
    {
        var settings = HostJsonSettings.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "host.json"));

        Assert.Equal("api", settings.RoutePrefix);
    }
}
