using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Storage.Cdn;

/// <summary>
/// Purges paths from an Azure Front Door (Standard/Premium) endpoint through Azure Resource Manager
/// (<c>afdEndpoints/{endpoint}/purge</c>). A failed purge is logged, not thrown: the page is already stored, and the
/// CDN serves the new bytes once its max-age runs out anyway.
/// </summary>
public sealed partial class FrontDoorPurger(HttpPipeline pipeline, CdnOptions options, ILogger<FrontDoorPurger> logger) : ICdnPurger
{
    /// <summary>The ARM API version used for purges.</summary>
    public const string ApiVersion = "2024-02-01";

    // Front Door accepts at most 100 paths per purge request.
    private const int MaxPathsPerRequest = 100;

    private static readonly Uri ResourceManager = new("https://management.azure.com/");

    /// <summary>An ARM pipeline authenticated by <paramref name="credential"/>, with the SDK's retries.</summary>
    public static HttpPipeline CreatePipeline(TokenCredential credential) =>
        HttpPipelineBuilder.Build(new PurgeClientOptions(), new BearerTokenAuthenticationPolicy(credential, ResourceManager + ".default"));

    /// <inheritdoc />
    public async Task PurgeAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var chunk in ContentPaths(paths).Chunk(MaxPathsPerRequest))
        {
            using var message = pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Post;
            message.Request.Uri.Reset(PurgeUri());
            message.Request.Headers.Add("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string[]> { ["contentPaths"] = chunk }));
            try
            {
                await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
                if (message.Response.Status is not (200 or 202))
                {
                    LogPurgeRefused(message.Response.Status, message.Response.Content.ToString(), chunk.Length);
                }
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException)
            {
                LogPurgeFailed(ex, chunk.Length);
            }
        }
    }

    /// <summary>
    /// The URL paths to purge for site paths: an index document is also purged as its folder, since readers and
    /// links use <c>/articles/x/</c> rather than <c>/articles/x/index.html</c>.
    /// </summary>
    public static IEnumerable<string> ContentPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var urlPath = "/" + path.TrimStart('/');
            if (seen.Add(urlPath))
            {
                yield return urlPath;
            }

            if (urlPath.EndsWith("/index.html", StringComparison.Ordinal) && seen.Add(urlPath[..^"index.html".Length]))
            {
                yield return urlPath[..^"index.html".Length];
            }
        }
    }

    /// <summary>The purge operation's URL for the configured endpoint.</summary>
    public Uri PurgeUri() => new(ResourceManager,
        $"subscriptions/{options.SubscriptionId}/resourceGroups/{options.ResourceGroup}/providers/Microsoft.Cdn/profiles/{options.ProfileName}/afdEndpoints/{options.EndpointName}/purge?api-version={ApiVersion}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Front Door refused to purge {Count} path(s): {Status} {Body}")]
    private partial void LogPurgeRefused(int status, string body, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not purge {Count} path(s) from Front Door; they refresh when their max-age runs out")]
    private partial void LogPurgeFailed(Exception exception, int count);

    private sealed class PurgeClientOptions : ClientOptions;
}
