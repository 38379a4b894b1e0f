using System.Text.Json;

namespace ContentPipeline.Infra.Tests.Support;

/// <summary>
/// infra/main.bicep as the Bicep CLI sees it, computed once for the test run: <c>bicep build</c> (the ARM template),
/// <c>bicep lint</c>, and <c>bicep snapshot</c>, which evaluates the template offline for fixed parameters and
/// subscription into the resources a deployment would create. Names, literal settings and everything derived from
/// the parameters come out evaluated; values only Azure knows (host names, client ids, endpoints) stay ARM
/// <c>[reference(...)]</c> expressions, which still say which resource they come from.
/// </summary>
public sealed class BicepDeployment : IAsyncLifetime, IDisposable
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000c1c1";
    public const string TenantId = "00000000-0000-0000-0000-00000000a1a1";
    public const string Location = "westeurope";
    public const string EnvironmentName = "ci";
    public const string EditorPrincipalId = "00000000-0000-0000-0000-00000000e1e1";

    private readonly string workFolder = Directory.CreateTempSubdirectory("contentpipeline-infra-").FullName;
    private JsonDocument? template;
    private JsonDocument? snapshot;

    public CommandResult Build { get; private set; } = null!;

    public CommandResult Lint { get; private set; } = null!;

    public CommandResult Snapshot { get; private set; } = null!;

    /// <summary>The compiled ARM template (main and, nested in it, every module).</summary>
    public JsonElement Template => (template ?? throw new InvalidOperationException($"bicep build failed:\n{Build.Output}")).RootElement;

    /// <summary>Every resource the deployment would create, modules included, in deployment order.</summary>
    public IReadOnlyList<JsonElement> Resources =>
        [.. SnapshotRoot.GetProperty("predictedResources").EnumerateArray()];

    /// <summary>The outputs of main.bicep (what azd stores in its environment).</summary>
    public JsonElement Outputs => SnapshotRoot.GetProperty("outputs");

    /// <summary>Diagnostics the snapshot reported.</summary>
    public IReadOnlyList<JsonElement> SnapshotDiagnostics => [.. SnapshotRoot.GetProperty("diagnostics").EnumerateArray()];

    private JsonElement SnapshotRoot => (snapshot ?? throw new InvalidOperationException($"bicep snapshot failed:\n{Snapshot.Output}")).RootElement;

    public async Task InitializeAsync()
    {
        var templateFile = Path.Combine(workFolder, "main.json");
        Build = await BicepCli.RunAsync(InfraFiles.Folder, "build", InfraFiles.MainBicep, "--outfile", templateFile);
        if (Build.ExitCode == 0)
        {
            template = JsonDocument.Parse(await File.ReadAllBytesAsync(templateFile));
        }

        Lint = await BicepCli.RunAsync(InfraFiles.Folder, "lint", InfraFiles.MainBicep);

        // `using` takes a relative path only.
        var parametersFile = Path.Combine(workFolder, "ci.bicepparam");
        await File.WriteAllTextAsync(parametersFile, $"""
            using '{Path.GetRelativePath(workFolder, InfraFiles.MainBicep).Replace('\\', '/')}'
            param environmentName = '{EnvironmentName}'
            param location = '{Location}'
            param principalId = '{EditorPrincipalId}'
            """);
        Snapshot = await BicepCli.RunAsync(
            workFolder, "snapshot", parametersFile, "--mode", "overwrite", "--subscription-id", SubscriptionId, "--tenant-id", TenantId,
            "--location", Location, "--deployment-name", "ci", "--config", InfraFiles.BicepConfig);
        var snapshotFile = Path.ChangeExtension(parametersFile, ".snapshot.json");
        if (Snapshot.ExitCode == 0 && File.Exists(snapshotFile))
        {
            snapshot = JsonDocument.Parse(await File.ReadAllBytesAsync(snapshotFile));
        }
    }

    /// <summary>The resources of <paramref name="type"/> (e.g. <c>Microsoft.Web/sites</c>).</summary>
    public IReadOnlyList<JsonElement> ResourcesOf(string type) =>
        [.. Resources.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The one resource of <paramref name="type"/>; fails if there is not exactly one.</summary>
    public JsonElement SingleOf(string type)
    {
        var resources = ResourcesOf(type);
        Assert.True(resources.Count == 1, $"Expected one {type}, found {resources.Count}.");
        return resources[0];
    }

    /// <summary>The function app's app settings (the <c>appsettings</c> config resource), by name.</summary>
    public IReadOnlyDictionary<string, string> AppSettings()
    {
        var config = ResourcesOf("Microsoft.Web/sites/config").Single(r => r.GetProperty("name").GetString()!.EndsWith("/appsettings", StringComparison.Ordinal));
        return config.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    /// <summary>The last segment of each resource name of <paramref name="type"/> (e.g. the container names).</summary>
    public IReadOnlyList<string> NamesOf(string type) =>
        [.. ResourcesOf(type).Select(r => r.GetProperty("name").GetString()!.Split('/')[^1])];

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        template?.Dispose();
        snapshot?.Dispose();
        Directory.Delete(workFolder, recursive: true);
    }
}
