using System.Text.Json;
using System.Text.RegularExpressions;
using ContentPipeline.Infra.Tests.Support;

namespace ContentPipeline.Infra.Tests;

/// <summary>
/// infra/main.bicep compiles and lints clean with the pinned Bicep CLI. infra/bicepconfig.json raises the linter's
/// rules to errors; these tests also fail on any warning the compiler prints.
/// </summary>
[Collection(BicepCollectionDefinition.Name)]
public sealed partial class BicepBuildTests(BicepDeployment bicep)
{
    [Fact]
    public void Main_bicep_builds_without_errors_or_warnings()
    {
        Assert.True(bicep.Build.ExitCode == 0 && bicep.Build.Output.Length == 0, $"bicep build printed:\n{bicep.Build.Output}");
    }

    [Fact]
    public void Main_bicep_lints_without_findings()
    {
        Assert.True(bicep.Lint.ExitCode == 0 && bicep.Lint.Output.Length == 0, $"bicep lint printed:\n{bicep.Lint.Output}");
    }

    [Fact]
    public void Snapshot_of_a_deployment_evaluates_without_diagnostics()
    {
        Assert.True(bicep.Snapshot.ExitCode == 0, $"bicep snapshot printed:\n{bicep.Snapshot.Output}");
        Assert.Empty(bicep.SnapshotDiagnostics);
        Assert.NotEmpty(bicep.Resources);
    }

    [Fact]
    public void Every_parameter_of_main_and_of_each_module_has_a_description()
    {
        var undescribed = Templates(bicep.Template)
            .SelectMany(t => t.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateObject() : [])
            .Where(p => !(p.Value.TryGetProperty("metadata", out var metadata)
                && metadata.TryGetProperty("description", out var description)
                && description.GetString() is { Length: > 0 }))
            .Select(p => p.Name)
            .ToList();

        Assert.True(undescribed.Count == 0, $"Parameters without @description: {string.Join(", ", undescribed)}");
    }

    [Fact]
    public async Task Parameters_file_sets_parameters_of_main_only_and_every_one_without_a_default()
    {
        using var file = JsonDocument.Parse(await File.ReadAllBytesAsync(InfraFiles.ParametersFile));
        var set = file.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var declared = bicep.Template.GetProperty("parameters").EnumerateObject().ToList();

        Assert.Empty(set.Except(declared.Select(p => p.Name)));
        Assert.Empty(declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)).Select(p => p.Name).Except(set));
    }

    // Module registries and template specs (br:, br/public: for AVM, ts:) cannot be reached from our machines or CI.
    [Fact]
    public void No_bicep_file_references_a_module_registry()
    {
        var offending = Directory.GetFiles(InfraFiles.Folder, "*.bicep", SearchOption.AllDirectories)
            .Where(f => RegistryReference().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(InfraFiles.Folder, f))
            .ToList();

        Assert.Empty(offending);
    }

    // The root template and every module's template nested in it, found wherever they sit.
    private static IEnumerable<JsonElement> Templates(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("$schema", out var schema) && schema.GetString()!.Contains("deploymentTemplate.json", StringComparison.OrdinalIgnoreCase))
            {
                yield return element;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var template in Templates(property.Value))
                {
                    yield return template;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var template in Templates(item))
                {
                    yield return template;
                }
            }
        }
    }

    [GeneratedRegex(@"'(br|ts)[:/]", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryReference();
}
