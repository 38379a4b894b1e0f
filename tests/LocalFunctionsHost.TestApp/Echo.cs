using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace LocalFunctionsHost.TestApp;

/// <summary>
/// <c>GET|POST /api/echo/{id}</c>: answers what it was sent, so tests can check the host forwards
/// route values, method, query and body, and gives the worker the app's settings.
/// </summary>
public sealed class Echo(IConfiguration configuration)
{
    [Function(nameof(Echo))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{id:int}")] HttpRequest request,
        int id,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        return TypedResults.Ok(new EchoResponse(id, request.Method, query, body, configuration["TestApp:Greeting"]));
    }
}

/// <summary>What <see cref="Echo"/> answers.</summary>
public sealed record EchoResponse(int Id, string Method, IReadOnlyDictionary<string, string> Query, string Body, string? Greeting);
