using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>HTTP-triggered functions of the TestApp, called over real HTTP on the host's API port.</summary>
[Collection(TestAppHostCollectionDefinition.Name)]
public sealed class TestAppHttpEndToEndTests : IDisposable
{
    private readonly TestAppHostFixture _fixture;

    public TestAppHttpEndToEndTests(TestAppHostFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        fixture.Log.WriteTo(output);
    }

    private HttpClient Api => _fixture.Host.Api;

    public void Dispose() => _fixture.Log.WriteTo(null);

    [Fact]
    public async Task Get_echo_answers_with_the_route_value_the_query_and_a_local_setting()
    {
        using var response = await Api.GetAsync(new Uri("api/echo/42?x=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(42, echo.GetProperty("id").GetInt32());
        Assert.Equal("GET", echo.GetProperty("method").GetString());
        Assert.Equal("1", echo.GetProperty("query").GetProperty("x").GetString());
        Assert.Equal("hello", echo.GetProperty("greeting").GetString());
    }

    [Fact]
    public async Task Post_echo_answers_with_the_request_body()
    {
        using var body = new StringContent("{\"note\":\"ünïcode body\"}", Encoding.UTF8, "application/json");

        using var response = await Api.PostAsync(new Uri("api/echo/7", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, echo.GetProperty("id").GetInt32());
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal("{\"note\":\"ünïcode body\"}", echo.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("GET", "api/echo/abc", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "api/echo/1", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "api/nothing", HttpStatusCode.NotFound)]
    [InlineData("GET", "echo/1", HttpStatusCode.NotFound)]
    public async Task Requests_that_match_no_function_are_answered_by_routing(string method, string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await Api.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_function_that_throws_answers_500_with_a_problem_naming_it_and_the_host_keeps_serving()
    {
        using var failed = await Api.GetAsync(new Uri("api/throws", UriKind.Relative));
        using var next = await Api.GetAsync(new Uri("api/echo/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        var problem = await failed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("'Throws'", detail, StringComparison.Ordinal);
        Assert.Contains("Throws always throws.", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_client_that_gives_up_on_a_slow_request_leaves_the_host_serving()
    {
        var cancelsBefore = _fixture.Log.Lines("Sent InvocationCancel for").Count;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var abandoned = Api.GetAsync(new Uri("api/slow?ms=10000", UriKind.Relative), giveUp.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        using var next = await Api.GetAsync(new Uri("api/echo/3", UriKind.Relative));
        using var quick = await Api.GetAsync(new Uri("api/slow?ms=10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(HttpStatusCode.OK, quick.StatusCode);
        Assert.Equal(10, (await quick.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sleptMilliseconds").GetInt32());

        // The worker is told to stop the abandoned invocation rather than left to finish it.
        await Poll.UntilAsync("InvocationCancel for the abandoned request", TimeSpan.FromSeconds(5), _ =>
            Task.FromResult(_fixture.Log.Lines("Sent InvocationCancel for").Count > cancelsBefore ? "sent" : null));
    }
}
