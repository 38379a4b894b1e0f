using Microsoft.AspNetCore.Diagnostics;

namespace LocalFunctionsHost.Http;

/// <summary>
/// Problem details (RFC 9457) for the answers routing gives when no function takes a request, so a caller learns
/// what to change: 404 when no route matches the path, 405 when the route takes other methods. Functions' own answers
/// are theirs and left alone (<see cref="HttpTriggerInvoker"/> turns status code pages off for them).
/// </summary>
internal static class RoutingProblemDetails
{
    public static void Describe(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        var target = $"{request.Method} {request.Path}";
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound =>
                $"No function answers {target}; the host lists the routes of the app's functions when it starts.",
            StatusCodes.Status405MethodNotAllowed =>
                $"The function at {request.Path} does not take {request.Method}; it takes {context.HttpContext.Response.Headers.Allow}.",
            _ => context.ProblemDetails.Detail,
        };
    }

    /// <summary>Leaves a function's own error answers as they are.</summary>
    public static void LeaveToFunction(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
    }
}
