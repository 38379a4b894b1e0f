namespace ContentPipeline.Cli.Targets;

/// <summary>The API to talk to and, optionally, the storage account to write sources to directly.</summary>
/// <param name="ApiBaseUrl">The API base URL with its route prefix and a trailing slash, e.g. <c>http://127.0.0.1:7071/api/</c>.</param>
/// <param name="FunctionKey">The function key, when the API needs one.</param>
/// <param name="Storage">A blob service URL or connection string; null uploads over the API.</param>
internal sealed record Target(Uri ApiBaseUrl, string? FunctionKey, string? Storage)
{
    /// <summary>The local host's API, where <c>dotnet run --project src/LocalFunctionsHost</c> serves it.</summary>
    public const string DefaultApiBaseUrlText = "http://127.0.0.1:7071/api/";

    /// <summary>Flags first, then environment variables, then the local host.</summary>
    public static Target Resolve(TargetSettings settings, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var api = FirstOf(settings.Api, environment(EnvironmentVariables.Api)) ?? DefaultApiBaseUrlText;
        if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUri) || (apiUri.Scheme != Uri.UriSchemeHttp && apiUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"The API URL '{api}' is not an absolute http or https URL; give it like {DefaultApiBaseUrlText}.");
        }

        // Relative paths such as "articles/x" resolve below the base only when it ends with a slash.
        if (!apiUri.AbsolutePath.EndsWith('/'))
        {
            apiUri = new UriBuilder(apiUri) { Path = apiUri.AbsolutePath + "/" }.Uri;
        }

        return new Target(apiUri, FirstOf(settings.Key, environment(EnvironmentVariables.Key)), FirstOf(settings.Storage, environment(EnvironmentVariables.Storage)));
    }

    private static string? FirstOf(string? flag, string? variable) =>
        !string.IsNullOrWhiteSpace(flag) ? flag.Trim() : !string.IsNullOrWhiteSpace(variable) ? variable.Trim() : null;
}
