using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Site;

/// <summary>
/// Maps a <see cref="StaticSiteServer"/> onto an app's endpoints.
/// </summary>
public static class StaticSiteEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="container"/> (usually <see cref="StaticSiteOptions.DefaultContainerName"/>) for GET and HEAD on every path
    /// of the app's root; other methods get 405.
    /// </summary>
    /// <remarks>
    /// The route is a catch-all, so more specific endpoints of the same app still win. To keep the site on a listener of its own,
    /// chain <c>.RequireHost("*:PORT")</c>. Mount it at the root of the app (or below <c>UsePathBase</c>), not in a route group:
    /// the site reads the path below the path base.
    /// </remarks>
    public static IEndpointConventionBuilder MapStaticSite(
        this IEndpointRouteBuilder endpoints, BlobContainerClient container, StaticSiteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(container);

        var server = new StaticSiteServer(
            container, options ?? new StaticSiteOptions(), endpoints.ServiceProvider.GetRequiredService<ILogger<StaticSiteServer>>());
        RequestDelegate handler = server.HandleAsync;
        return endpoints.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], handler)
            .WithDisplayName("Static site " + container.Name);
    }
}
