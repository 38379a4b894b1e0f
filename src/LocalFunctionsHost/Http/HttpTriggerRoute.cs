using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Http;

/// <summary>One HTTP-triggered function as the host routes it.</summary>
/// <param name="FunctionName">The function's name (ids change when the worker restarts; names do not).</param>
/// <param name="BindingName">The trigger binding's name, e.g. <c>req</c>.</param>
/// <param name="Pattern">The full route template including the prefix, e.g. <c>api/articles/{slug}</c>.</param>
/// <param name="Methods">Allowed methods in upper case; empty allows any.</param>
/// <param name="AuthLevel">The declared authorization level (not enforced locally, as with Core Tools).</param>
internal sealed record HttpTriggerRoute(string FunctionName, string BindingName, string Pattern, IReadOnlyList<string> Methods, string AuthLevel)
{
    public const string TriggerType = "httpTrigger";

    /// <summary>The routes of every HTTP-triggered function, under <paramref name="routePrefix"/> (may be empty).</summary>
    public static IReadOnlyList<HttpTriggerRoute> From(IEnumerable<LoadedFunction> functions, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var prefix = routePrefix.Trim('/');
        var routes = new List<HttpTriggerRoute>();
        foreach (var function in functions)
        {
            if (function.TriggerBinding is not { } trigger || !trigger.IsType(TriggerType))
            {
                continue;
            }

            // As the real host: the route defaults to the function name, and always sits under the prefix.
            var route = (trigger.GetString("route") is { Length: > 0 } declared ? declared : function.Name).Trim('/');
            var pattern = prefix.Length == 0 ? route : route.Length == 0 ? prefix : $"{prefix}/{route}";
            var methods = trigger.GetStrings("methods").Select(m => m.ToUpperInvariant()).Distinct().ToList();
            routes.Add(new HttpTriggerRoute(function.Name, trigger.Name, pattern, methods, trigger.GetString("authLevel") ?? "function"));
        }

        return routes;
    }
}
