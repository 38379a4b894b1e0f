using LocalFunctionsHost.Http;

namespace LocalFunctionsHost.Tests.Triggers;

public sealed class HttpTriggerRouteTests
{
    private const string Return = """{"name":"$return","type":"http","direction":"Out"}""";

    [Fact]
    public void Route_sits_under_the_prefix_with_upper_case_methods_and_the_auth_level()
    {
        var function = LoadedFunctions.With("Upload", """{"name":"req","type":"httpTrigger","direction":"In","authLevel":"Function","methods":["put","Put"],"route":"/articles/{slug}/"}""", Return);

        var route = Assert.Single(HttpTriggerRoute.From([function], "/api/"));

        Assert.Equal(("Upload", "req", "api/articles/{slug}", "Function"), (route.FunctionName, route.BindingName, route.Pattern, route.AuthLevel));
        Assert.Equal(["PUT"], route.Methods);
    }

    [Fact]
    public void Route_defaults_to_the_function_name_and_no_methods_allows_any()
    {
        var function = LoadedFunctions.With("Health", """{"name":"request","type":"httpTrigger","direction":"In","authLevel":"Anonymous"}""", Return);

        var route = Assert.Single(HttpTriggerRoute.From([function], "api"));

        Assert.Equal("api/Health", route.Pattern);
        Assert.Equal("request", route.BindingName);
        Assert.Empty(route.Methods);
    }

    [Fact]
    public void An_empty_prefix_puts_routes_at_the_root()
    {
        var function = LoadedFunctions.With("Echo", """{"name":"req","type":"httpTrigger","direction":"In","route":"echo/{id:int}"}""");

        Assert.Equal("echo/{id:int}", Assert.Single(HttpTriggerRoute.From([function], "")).Pattern);
    }

    [Fact]
    public void Functions_with_other_triggers_get_no_route()
    {
        var blob = LoadedFunctions.With("Publish", """{"name":"source","type":"blobTrigger","direction":"In","path":"articles/{name}"}""");
        var timer = LoadedFunctions.With("Tick", """{"name":"timer","type":"timerTrigger","direction":"In","schedule":"0 */5 * * * *"}""");

        Assert.Empty(HttpTriggerRoute.From([blob, timer], "api"));
    }
}
