namespace LocalFunctionsHost.Http;

/// <summary>Maps HTTP-triggered functions onto ASP.NET Core endpoint routing, which gives the same route template
/// syntax (constraints, optional and catch-all parameters) as the real host, 404 for no route and 405 for a wrong method.</summary>
internal static class HttpTriggerEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapHttpTriggers(this IEndpointRouteBuilder endpoints, IEnumerable<HttpTriggerRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var route in routes)
        {
            RequestDelegate handler = context => context.RequestServices.GetRequiredService<HttpTriggerInvoker>().InvokeAsync(context, route);
            var endpoint = route.Methods.Count == 0
                ? endpoints.Map(route.Pattern, handler)
                : endpoints.MapMethods(route.Pattern, route.Methods, handler);
            endpoint.WithDisplayName(route.FunctionName);
        }

        return endpoints;
    }
}
