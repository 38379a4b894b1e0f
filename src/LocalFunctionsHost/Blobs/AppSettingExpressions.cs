using System.Text.RegularExpressions;

namespace LocalFunctionsHost.Blobs;

/// <summary>Resolves <c>%Setting%</c> references in binding properties from the app's settings, as the host does.</summary>
internal static partial class AppSettingExpressions
{
    public static string Resolve(string value, IReadOnlyDictionary<string, string> settings, string functionName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SettingReference().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            return settings.TryGetValue(name, out var resolved) || (Environment.GetEnvironmentVariable(name) is { } fromEnvironment && (resolved = fromEnvironment) is not null)
                ? resolved
                : throw new InvalidOperationException($"Function '{functionName}' refers to the app setting '%{name}%', which is not set in local.settings.json or the environment.");
        });
    }

    [GeneratedRegex("%(?<name>[^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex SettingReference();
}
