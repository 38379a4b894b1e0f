using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsHost.TestApp;

/// <summary><c>GET /api/throws</c>: fails in user code, so tests can check how the host reports it.</summary>
public static class Throws
{
    public const string Message = "Throws always throws.";

    [Function(nameof(Throws))]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throws")] HttpRequest request) =>
        throw new InvalidOperationException(Message);
}
