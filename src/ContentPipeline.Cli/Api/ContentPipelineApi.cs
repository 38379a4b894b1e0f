using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContentPipeline.Core.Articles;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Api;

/// <summary>
/// The content pipeline's HTTP API as the tool uses it. The client's base address is the API base URL with its
/// route prefix (<c>…/api/</c>); the function key, when there is one, is a default header of the client.
/// </summary>
internal sealed class ContentPipelineApi(HttpClient http)
{
    /// <summary>The header Azure Functions reads a function key from.</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    /// <summary>The largest page the list endpoint answers.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The ranking's largest size.</summary>
    public const int MaxTop = 100;

    // Every request here is idempotent (GET, PUT, DELETE), so a transient failure is safe to send again.
    private const int MaxAttempts = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Uri BaseAddress => http.BaseAddress ?? throw new InvalidOperationException("The API client has no base address.");

    /// <summary><c>PUT articles/{slug}</c>: accepted (202), or refused with the API's problem.</summary>
    public async Task<UploadResult> PutArticleAsync(Slug slug, ArticleFormat format, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        using var response = await SendAsync(
            () =>
            {
                var body = new ReadOnlyMemoryContent(content);
                body.Headers.ContentType = MediaTypeHeaderValue.Parse(ArticleFormats.MediaTypeOf(format));
                return new HttpRequestMessage(HttpMethod.Put, ArticlePath(slug)) { Content = body };
            },
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return UploadResult.Accepted;
        }

        if (IsClientError(response.StatusCode) && await ReadProblemAsync(response, cancellationToken) is { } problem)
        {
            // A parse error's detail starts "Line N: " and the line is also its own member; the tool shows it as file:line.
            var error = ArticleError.Parse(problem.Detail ?? problem.Title ?? $"The API refused the file ({(int)response.StatusCode}).");
            return UploadResult.Refused(error.Message, problem.Line ?? error.Line);
        }

        throw await UnexpectedAsync(response, cancellationToken);
    }

    /// <summary><c>GET articles/{slug}</c>, or null when there is no such article.</summary>
    public async Task<ArticleInfo?> GetArticleAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, ArticlePath(slug)), cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<ArticleInfo>(response, cancellationToken);
    }

    /// <summary>Every article, newest first, read a page of <see cref="MaxPageSize"/> at a time.</summary>
    public async Task<IReadOnlyList<ArticleInfo>> ListArticlesAsync(CancellationToken cancellationToken = default)
    {
        var articles = new List<ArticleInfo>();
        string? continuation = null;
        do
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"articles?limit={MaxPageSize}")
                + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), cancellationToken);
            var page = await ReadAsync<ArticlePage>(response, cancellationToken);
            articles.AddRange(page.Articles);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        return articles;
    }

    /// <summary><c>DELETE articles/{slug}</c>: true when it was unpublished, false when there was nothing to remove.</summary>
    public async Task<bool> DeleteArticleAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, ArticlePath(slug)), cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => true,
            HttpStatusCode.NotFound => false,
            _ => throw await UnexpectedAsync(response, cancellationToken),
        };
    }

    /// <summary><c>GET views?top=N</c>: the most viewed published articles, most viewed first.</summary>
    public async Task<IReadOnlyList<RankedArticle>> TopViewsAsync(int top, CancellationToken cancellationToken = default)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"views?top={Math.Clamp(top, 1, MaxTop)}");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), cancellationToken);
        return (await ReadAsync<ViewRanking>(response, cancellationToken)).Articles;
    }

    /// <summary><c>GET views/{slug}</c>: the exact stored count, without counting a view.</summary>
    public async Task<long> ViewsAsync(Slug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri("views/" + slug.Value, UriKind.Relative)), cancellationToken);
        return (await ReadAsync<ViewCount>(response, cancellationToken)).Views;
    }

    private static Uri ArticlePath(Slug slug) => new("articles/" + slug.Value, UriKind.Relative);

    private static bool IsClientError(HttpStatusCode status) => (int)status is >= 400 and < 500;

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(200 * attempt * attempt);

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt < MaxAttempts)
                {
                    await Task.Delay(Backoff(attempt), cancellationToken);
                    continue;
                }

                var reason = ex is TaskCanceledException ? $"no answer within {http.Timeout.TotalSeconds:0} s" : ex.Message;
                throw new ApiException(
                    $"Cannot reach the API at {BaseAddress} ({reason}). Start the local host (dotnet run --project src/LocalFunctionsHost), "
                    + $"or point --api or ${Targets.EnvironmentVariables.Api} at the app's API.", ex);
            }

            if (IsTransient(response.StatusCode) && attempt < MaxAttempts)
            {
                response.Dispose();
                await Task.Delay(Backoff(attempt), cancellationToken);
                continue;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                response.Dispose();
                throw new ApiException(
                    $"The API at {BaseAddress} refused the request ({(int)response.StatusCode}): give the app's function key with --key or ${Targets.EnvironmentVariables.Key}.");
            }

            return response;
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await UnexpectedAsync(response, cancellationToken);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new ApiException($"The API answered {response.RequestMessage?.RequestUri} with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new ApiException($"The API's answer to {response.RequestMessage?.RequestUri} is not what this tool understands ({ex.Message}); is --api the content pipeline's API?", ex);
        }
    }

    private static async Task<ApiProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<ApiProblem>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<ApiException> UnexpectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await ReadProblemAsync(response, cancellationToken);
        var detail = problem?.Detail ?? problem?.Title ?? response.ReasonPhrase;
        return new ApiException($"The API answered {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} with {(int)response.StatusCode}: {detail}");
    }
}
