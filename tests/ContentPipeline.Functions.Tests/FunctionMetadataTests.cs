using System.Text.Json;
using System.Xml.Linq;
using ContentPipeline.Functions.Tests.Support;

namespace ContentPipeline.Functions.Tests;

/// <summary>
/// The function index the build generates (functions.metadata) is what the host routes by, so the routes,
/// methods, auth levels and the blob trigger's source are checked there, exactly as deployed.
/// </summary>
public sealed class FunctionMetadataTests
{
    [Fact]
    public async Task Functions_metadata_declares_exactly_the_expected_functions_and_triggers()
    {
        string[] expected =
        [
            "ArticleBlobEvents: httpTrigger authLevel=Function methods=[post] route=events/articles",
            "CountView: httpTrigger authLevel=Anonymous methods=[post] route=views/{slug}",
            "CountViewPixel: httpTrigger authLevel=Anonymous methods=[get,head] route=views/{slug}.gif",
            "CreateArticles: httpTrigger authLevel=Function methods=[post] route=articles",
            "DeleteArticle: httpTrigger authLevel=Function methods=[delete] route=articles/{slug}",
            "GetArticle: httpTrigger authLevel=Anonymous methods=[get] route=articles/{slug}",
            "GetViews: httpTrigger authLevel=Anonymous methods=[get] route=views/{slug}",
            "ListArticles: httpTrigger authLevel=Anonymous methods=[get] route=articles",
            "MaintainSite: timerTrigger schedule=0 * * * * *",
            "PublishArticle: blobTrigger connection=AzureWebJobsStorage path=articles/{name} source=EventGrid",
            "RebuildSite: queueTrigger connection=AzureWebJobsStorage dataType=String queueName=site-rebuilds",
            "SweepViewCounters: timerTrigger schedule=0 */5 * * * *",
            "TopViews: httpTrigger authLevel=Anonymous methods=[get] route=views",
            "UploadArticle: httpTrigger authLevel=Function methods=[put] route=articles/{slug}",
        ];

        var functions = await ReadFunctionsMetadataAsync();

        var actual = functions.Select(Describe).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
        Assert.All(functions, f => Assert.Equal("ContentPipeline.Functions.dll", f.GetProperty("scriptFile").GetString()));
    }

    [Fact]
    public async Task Http_functions_answer_through_their_return_value_and_other_triggers_have_no_output()
    {
        var functions = await ReadFunctionsMetadataAsync();

        foreach (var function in functions)
        {
            var name = function.GetProperty("name").GetString();
            var outputs = function.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("direction").GetString() == "Out")
                .Select(b => $"{b.GetProperty("name").GetString()}:{b.GetProperty("type").GetString()}")
                .ToArray();
            var isHttp = Trigger(function).GetProperty("type").GetString() == "httpTrigger";
            Assert.True(
                isHttp ? outputs is ["$return:http"] : outputs.Length == 0,
                $"{name} has output bindings [{string.Join(", ", outputs)}]");
        }
    }

    [Fact]
    public async Task Host_json_in_the_build_output_puts_http_routes_under_api()
    {
        var path = FunctionsBuildOutput.Locate("host.json");

        using var hostJson = JsonDocument.Parse(await File.ReadAllBytesAsync(path));

        Assert.Equal("2.0", hostJson.RootElement.GetProperty("version").GetString());
        Assert.Equal("api", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    // Checked in the project file rather than by running dotnet publish, which would take most of a minute.
    [Fact]
    public void Local_settings_are_copied_for_local_runs_but_never_published()
    {
        var project = XDocument.Load(FunctionsBuildOutput.ProjectFile());

        var items = project.Descendants()
            .Where(e => (string?)e.Attribute("Include") == "local.settings.json" || (string?)e.Attribute("Update") == "local.settings.json")
            .ToList();

        var item = Assert.Single(items);
        Assert.Equal("Never", MetadataOf(item, "CopyToPublishDirectory"));
        Assert.Equal("PreserveNewest", MetadataOf(item, "CopyToOutputDirectory"));
    }

    private static async Task<IReadOnlyList<JsonElement>> ReadFunctionsMetadataAsync()
    {
        var path = FunctionsBuildOutput.Locate("functions.metadata");
        using var metadata = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        return metadata.RootElement.EnumerateArray().Select(function => function.Clone()).ToList();
    }

    private static JsonElement Trigger(JsonElement function)
    {
        var triggers = function.GetProperty("bindings").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
            .ToList();
        Assert.True(triggers.Count == 1, $"{function.GetProperty("name")} has {triggers.Count} triggers");
        return triggers[0];
    }

    /// <summary>
    /// "Name: type key=value …" with every trigger setting except the parameter name, direction and SDK-internal
    /// properties, in key order, so that any added, removed or changed setting shows up in the comparison.
    /// </summary>
    private static string Describe(JsonElement function)
    {
        var trigger = Trigger(function);
        var settings = trigger.EnumerateObject()
            .Where(p => p.Name is not ("name" or "type" or "direction" or "properties"))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={Render(p.Value)}");
        return $"{function.GetProperty("name").GetString()}: {trigger.GetProperty("type").GetString()} {string.Join(' ', settings)}";
    }

    private static string Render(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => $"[{string.Join(',', value.EnumerateArray().Select(Render))}]",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    // MSBuild metadata may be written as an attribute or as a child element.
    private static string? MetadataOf(XElement item, string name) =>
        (string?)item.Attribute(name) ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
