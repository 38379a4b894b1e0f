using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsHost.TestApp;

/// <summary>
/// <c>GET /api/slow?ms=N</c>: answers after N milliseconds unless cancelled first, so tests can check
/// time-outs and that a cancelled invocation stops.
/// </summary>
public static class Slow
{
    [Function(nameof(Slow))]
    public static async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "slow")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var milliseconds = int.TryParse(request.Query["ms"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms : 1000;
        await Task.Delay(milliseconds, cancellationToken);
        return TypedResults.Ok(new { sleptMilliseconds = milliseconds });
    }
}
