using System.Globalization;
using Azure.Storage.Blobs;
using ContentPipeline.Core;
using ContentPipeline.Functions.Articles;
using ContentPipeline.Functions.Hosting;
using ContentPipeline.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>
/// The app's real service registrations (<see cref="ContentPipelineServiceCollectionExtensions.AddContentPipeline"/>)
/// on the shared Azurite, with containers and a table of its own, and the functions called as the host would call them.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    /// <summary>The site base URL every host is configured with; a path below the root shows it is kept.</summary>
    public static readonly Uri SiteBaseUrl = new("https://site.example.test/blog/");

    /// <summary>The Cache-Control configured for pages; not the default, so a page that has it got it from the options.</summary>
    public const string PageCacheControl = "public, max-age=123";

    private readonly ServiceProvider services;

    private PipelineHost(ServiceProvider services, BlobServiceClient blobs, ContentPipelineOptions options)
    {
        this.services = services;
        Options = options;
        Articles = blobs.GetBlobContainerClient(options.ArticlesContainer);
        Site = blobs.GetBlobContainerClient(options.SiteContainer);
    }

    public IServiceProvider Services => services;

    public ContentPipelineOptions Options { get; }

    /// <summary>The articles container (sources), through a client of the test's own.</summary>
    public BlobContainerClient Articles { get; }

    /// <summary>The site container (pages), through a client of the test's own.</summary>
    public BlobContainerClient Site { get; }

    /// <summary>Builds a host on unique storage names; <paramref name="settings"/> add to or override the configuration.</summary>
    public static PipelineHost Start(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var values = new Dictionary<string, string?>
        {
            [ContentPipelineServiceCollectionExtensions.StorageConnection] = azurite.ConnectionString,
            ["ContentPipeline:ArticlesContainer"] = TestNames.Container("articles"),
            ["ContentPipeline:SiteContainer"] = TestNames.Container("site"),
            ["ContentPipeline:CatalogTable"] = TestNames.Table("catalog"),
            ["ContentPipeline:ViewsTable"] = TestNames.Table("views"),
            ["ContentPipeline:SiteRebuildQueue"] = TestNames.Queue("rebuilds"),
            ["ContentPipeline:SiteBaseUrl"] = SiteBaseUrl.AbsoluteUri,
            ["ContentPipeline:PageCacheControl"] = PageCacheControl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        // The Functions host registers IConfiguration itself; the options bind from it.
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddContentPipeline(configuration);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new PipelineHost(provider, new BlobServiceClient(azurite.ConnectionString), provider.GetRequiredService<ContentPipelineOptions>());
    }

    /// <summary>A function class, constructed from the container as the worker constructs it.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(services);

    /// <summary><c>PUT /api/articles/{slug}</c>.</summary>
    public Task<FunctionResponse> PutAsync(string slug, string body, string contentType = MediaTypes.Markdown) =>
        PutAsync(slug, HttpContexts.Utf8(body), contentType);

    /// <summary><c>PUT /api/articles/{slug}</c> with raw bytes; <paramref name="path"/> overrides the request path the route matched.</summary>
    public async Task<FunctionResponse> PutAsync(string slug, byte[] body, string? contentType, bool declareLength = true, string? path = null)
    {
        var http = HttpContexts.Create(this, HttpMethods.Put, path ?? "/api/articles/" + slug, body: body, contentType: contentType, declareLength: declareLength);
        var result = await Function<UploadArticle>().Run(http.Request, slug, http.RequestAborted);
        return await FunctionResponse.ExecuteAsync(result, http);
    }

    /// <summary><c>POST /api/articles</c> with one file as the body.</summary>
    public Task<FunctionResponse> PostAsync(string body, string contentType = MediaTypes.Markdown, string query = "") =>
        PostAsync(HttpContexts.Utf8(body), contentType, query);

    /// <summary><c>POST /api/articles</c> with raw bytes (one file, or a multipart body).</summary>
    public async Task<FunctionResponse> PostAsync(byte[] body, string contentType, string query = "")
    {
        var http = HttpContexts.Create(this, HttpMethods.Post, "/api/articles", query, body, contentType);
        var result = await Function<CreateArticles>().Run(http.Request, http.RequestAborted);
        return await FunctionResponse.ExecuteAsync(result, http);
    }

    /// <summary><c>POST /api/articles</c> with a multipart/form-data body.</summary>
    public async Task<FunctionResponse> PostAsync(MultipartBody body, string query = "")
    {
        ArgumentNullException.ThrowIfNull(body);
        var (bytes, contentType) = await body.SerializeAsync();
        return await PostAsync(bytes, contentType, query);
    }

    /// <summary><c>GET /api/articles/{slug}</c>.</summary>
    public async Task<FunctionResponse> GetAsync(string slug)
    {
        var http = HttpContexts.Create(this, HttpMethods.Get, "/api/articles/" + slug);
        var result = await Function<GetArticle>().Run(http.Request, slug, http.RequestAborted);
        return await FunctionResponse.ExecuteAsync(result, http);
    }

    /// <summary><c>GET /api/articles?{query}</c>.</summary>
    public async Task<FunctionResponse> ListAsync(string query = "")
    {
        var http = HttpContexts.Create(this, HttpMethods.Get, "/api/articles", query);
        var result = await Function<ListArticles>().Run(http.Request, http.RequestAborted);
        return await FunctionResponse.ExecuteAsync(result, http);
    }

    /// <summary>
    /// <c>GET /api/articles?limit={limit}</c>, following <c>continuation</c> to the last page; returns every page.
    /// </summary>
    public async Task<IReadOnlyList<FunctionResponse>> ListAllPagesAsync(int limit, int maxPages = 50)
    {
        var pages = new List<FunctionResponse>();
        var query = string.Create(CultureInfo.InvariantCulture, $"limit={limit}");
        while (pages.Count < maxPages)
        {
            var page = await ListAsync(query);
            pages.Add(page);
            if (page.StatusCode != StatusCodes.Status200OK || page.Body.GetProperty("continuation").GetString() is not { } continuation)
            {
                return pages;
            }

            query = string.Create(CultureInfo.InvariantCulture, $"limit={limit}&continuation={Uri.EscapeDataString(continuation)}");
        }

        throw new InvalidOperationException($"The list did not end within {maxPages} pages; the continuation token never became null.");
    }

    /// <summary><c>DELETE /api/articles/{slug}</c>.</summary>
    public async Task<FunctionResponse> DeleteAsync(string slug)
    {
        var http = HttpContexts.Create(this, HttpMethods.Delete, "/api/articles/" + slug);
        var result = await Function<DeleteArticle>().Run(http.Request, slug, http.RequestAborted);
        return await FunctionResponse.ExecuteAsync(result, http);
    }

    /// <summary>Runs the blob trigger for the source blob <paramref name="blobName"/>, with a real blob client, as the host does.</summary>
    public Task PublishAsync(string blobName) =>
        Function<PublishArticle>().Run(Articles.GetBlobClient(blobName), CancellationToken.None);

    /// <summary>Puts a source straight into the articles container, as an editor with storage access would.</summary>
    public async Task<BlobClient> UploadSourceAsync(string blobName, byte[] content)
    {
        await Articles.CreateIfNotExistsAsync();
        var blob = Articles.GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        return blob;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
