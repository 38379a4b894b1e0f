using ContentPipeline.Cli.Api;
using ContentPipeline.Cli.Publishing;
using ContentPipeline.Core;
using ContentPipeline.Storage;
using ContentPipeline.Storage.Sources;

namespace ContentPipeline.Cli.Targets;

/// <summary>The clients one command uses against a <see cref="Target"/>: the API, and where uploads go.</summary>
internal sealed class TargetClients : IDisposable
{
    // Longer than any single answer takes; a hung request fails instead of hanging the run.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient http;

    private TargetClients(HttpClient http, ContentPipelineApi api, IArticleUploader uploader)
    {
        this.http = http;
        Api = api;
        Uploader = uploader;
    }

    public ContentPipelineApi Api { get; }

    public IArticleUploader Uploader { get; }

    /// <summary>The clients for the target <paramref name="settings"/> and the environment name.</summary>
    public static TargetClients For(TargetSettings settings, CliEnvironment environment, PublishOptions options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Create(Target.Resolve(settings, environment.GetVariable), environment, options);
    }

    public static TargetClients Create(Target target, CliEnvironment environment, PublishOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);

        // No proxy: the local host is on 127.0.0.1, and a deployed app is reached directly.
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = options.Parallelism * 2 })
        {
            BaseAddress = target.ApiBaseUrl,
            Timeout = RequestTimeout,
        };
        if (target.FunctionKey is { } key)
        {
            http.DefaultRequestHeaders.Add(ContentPipelineApi.FunctionKeyHeader, key);
        }

        var api = new ContentPipelineApi(http);
        IArticleUploader uploader = new HttpArticleUploader(api);
        if (target.Storage is { } storage)
        {
            var blobs = StorageClients.CreateBlobServiceClient(storage, environment.CreateCredential());
            uploader = new BlobArticleUploader(new ArticleSourceStore(blobs, new ContentPipelineOptions()), blobs.Uri);
        }

        return new TargetClients(http, api, uploader);
    }

    public void Dispose() => http.Dispose();
}
