using Azure;
using ContentPipeline.Functions.Hosting;
using ContentPipeline.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContentPipeline.Functions.Tests;

/// <summary>The worker middleware that turns unexpected exceptions of HTTP functions into a 500 problem, and storage outages into a 503.</summary>
public sealed class UnhandledExceptionMiddlewareTests : IAsyncDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().BuildServiceProvider();
    private readonly UnhandledExceptionMiddleware middleware = new(NullLogger<UnhandledExceptionMiddleware>.Instance);

    [Fact]
    public async Task An_http_function_that_throws_answers_500_problem_with_the_trace_id()
    {
        var http = NewHttpContext();
        http.TraceIdentifier = "trace-42";
        var context = new FakeFunctionContext("UploadArticle", services, http);

        await middleware.Invoke(context, _ => throw new InvalidOperationException("Storage is down"));

        var response = await FunctionResponse.ReadAsync(http);
        var problem = ResponseAssert.Problem(response, StatusCodes.Status500InternalServerError);
        var detail = ResponseAssert.Detail(problem);
        Assert.Contains(System.Diagnostics.Activity.Current?.Id ?? "trace-42", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Storage is down", detail, StringComparison.Ordinal);
    }

    public static TheoryData<Exception> StorageOutages() => new()
    {
        new RequestFailedException(0, "Connection refused", new HttpRequestException("Connection refused (127.0.0.1:10000)")),
        new AggregateException("Retry failed after 4 tries.", new RequestFailedException(0, "refused"), new HttpRequestException("refused")),
        new RequestFailedException(503, "Server busy"),
    };

    [Theory]
    [MemberData(nameof(StorageOutages))]
    public async Task An_http_function_that_cannot_reach_storage_answers_503_with_retry_after(Exception outage)
    {
        var http = NewHttpContext();
        var context = new FakeFunctionContext("UploadArticle", services, http);

        await middleware.Invoke(context, _ => throw outage);

        var response = await FunctionResponse.ReadAsync(http);
        var problem = ResponseAssert.Problem(response, StatusCodes.Status503ServiceUnavailable);
        Assert.Contains("Send it again", ResponseAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task A_storage_refusal_that_is_not_an_outage_stays_a_500()
    {
        var http = NewHttpContext();
        var context = new FakeFunctionContext("UploadArticle", services, http);

        await middleware.Invoke(context, _ => throw new RequestFailedException(403, "AuthorizationFailure"));

        ResponseAssert.Problem(await FunctionResponse.ReadAsync(http), StatusCodes.Status500InternalServerError);
    }

    [Fact]
    public async Task A_function_without_http_rethrows_so_the_host_retries()
    {
        var context = new FakeFunctionContext("PublishArticle", services);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.Invoke(context, _ => throw new InvalidOperationException("Storage is down")));

        Assert.Equal("Storage is down", thrown.Message);
    }

    [Fact]
    public async Task An_http_function_whose_caller_went_away_rethrows()
    {
        using var aborted = new CancellationTokenSource();
        var http = NewHttpContext();
        http.RequestAborted = aborted.Token;
        await aborted.CancelAsync();
        var context = new FakeFunctionContext("UploadArticle", services, http);

        await Assert.ThrowsAsync<OperationCanceledException>(() => middleware.Invoke(context, _ => throw new OperationCanceledException(aborted.Token)));

        Assert.Equal(0, http.Response.Body.Length);
    }

    [Fact]
    public async Task A_function_that_succeeds_passes_through_untouched()
    {
        var http = NewHttpContext();
        var context = new FakeFunctionContext("GetArticle", services, http);
        var called = false;

        await middleware.Invoke(context, _ =>
        {
            called = true;
            return Task.CompletedTask;
        });

        Assert.True(called);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private DefaultHttpContext NewHttpContext() => new()
    {
        RequestServices = services,
        Response = { Body = new MemoryStream() },
    };
}
