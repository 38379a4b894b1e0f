namespace ContentPipeline.Cli.Targets;

/// <summary>The environment variables that stand in for the target flags.</summary>
internal static class EnvironmentVariables
{
    /// <summary>The API base URL, route prefix included (<c>--api</c>).</summary>
    public const string Api = "CONTENTPIPELINE_API";

    /// <summary>The function key sent as <c>x-functions-key</c> (<c>--key</c>).</summary>
    public const string Key = "CONTENTPIPELINE_KEY";

    /// <summary>A blob service URL or connection string to write sources to directly (<c>--storage</c>).</summary>
    public const string Storage = "CONTENTPIPELINE_STORAGE";
}
