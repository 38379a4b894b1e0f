namespace ContentPipeline.Benchmarks.Load;

/// <summary>The HTTP client every benchmark drives the API with.</summary>
internal static class ApiClient
{
    /// <summary>
    /// A client for <paramref name="apiOrigin"/> that keeps one connection per concurrent caller for the whole run:
    /// the benchmarks measure the endpoints, not TCP set-up.
    /// </summary>
    public static HttpClient Create(Uri apiOrigin, TimeSpan timeout) =>
        new(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = int.MaxValue,
        })
        {
            BaseAddress = apiOrigin,
            Timeout = timeout,
        };
}
