using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentPipeline.Cli.Targets;
using ContentPipeline.Cli.Tests.Support;
using ContentPipeline.Testing.EndToEnd;
using Spectre.Console;
using Xunit.Abstractions;

namespace ContentPipeline.Cli.Tests.EndToEnd;

/// <summary>What an end-to-end test does with the host: run <c>cpipe</c> against it, and check the API and site as a client would.</summary>
internal sealed class LocalHostSession(EndToEndHost host, ITestOutputHelper output)
{
    public EndToEndHost Host => host;

    /// <summary>The API base URL the tool is given, as an editor would set CONTENTPIPELINE_API.</summary>
    public string ApiBaseUrl => new Uri(host.Host.ApiUri, "api/").ToString();

    public CliEnvironment Environment(string currentDirectory, TimeProvider? time = null) =>
        Cpipe.Environment(currentDirectory, new Dictionary<string, string> { [EnvironmentVariables.Api] = ApiBaseUrl }, time);

    /// <summary>Runs <c>cpipe args</c> in <paramref name="currentDirectory"/> and copies what it printed to the test's output.</summary>
    public async Task<int> RunAsync(IAnsiConsole console, string currentDirectory, params string[] args)
    {
        var exitCode = await Cpipe.RunAsync(console, Environment(currentDirectory), args);
        output.WriteLine($"$ cpipe {string.Join(' ', args)}  → exit {exitCode}");
        output.WriteLine(console is SynchronizedConsole synchronized ? synchronized.Output : (console as Spectre.Console.Testing.TestConsole)?.Output ?? "");
        return exitCode;
    }

    /// <summary>The article as <c>GET /api/articles/{slug}</c> answers it, or null for 404.</summary>
    public async Task<JsonElement?> ArticleAsync(string slug)
    {
        using var response = await host.Api.GetAsync(new Uri($"api/articles/{slug}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string?> StatusAsync(string slug) => (await ArticleAsync(slug))?.GetProperty("status").GetString();

    /// <summary>The article's page on the site origin, or null while there is none.</summary>
    public async Task<string?> PageAsync(string slug)
    {
        using var response = await host.Site.GetAsync(new Uri($"articles/{slug}/", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
    }

    /// <summary>A slug no other test uses.</summary>
    public static string UniqueSlug(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";
}
