using System.Text.Json.Nodes;

namespace LocalFunctionsHost.Tests.Browser;

/// <summary>
/// A copy of a built function app in a temporary folder, with settings of its own in <c>local.settings.json</c>:
/// extra <c>Values</c> and the <c>Host.CORS</c> origins. The caller deletes the folder.
/// </summary>
internal static class FunctionAppCopy
{
    public static string Create(string output, IReadOnlyDictionary<string, string> values, string cors)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"contentpipeline-browser-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var settingsPath = Path.Combine(copy, "local.settings.json");
        var settings = JsonNode.Parse(File.ReadAllText(settingsPath))!.AsObject();
        var settingValues = settings["Values"]!.AsObject();
        foreach (var (name, value) in values)
        {
            settingValues[name] = value;
        }

        settings["Host"] = new JsonObject { ["CORS"] = cors };
        File.WriteAllText(settingsPath, settings.ToJsonString());
        return copy;
    }
}
