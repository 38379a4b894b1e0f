using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Targets;

/// <summary>Where the commands send and read articles; each flag falls back to an environment variable.</summary>
internal class TargetSettings : CommandSettings
{
    [CommandOption("--api <URL>")]
    [Description("API base URL, route prefix included. Default: $" + EnvironmentVariables.Api + ", else " + Target.DefaultApiBaseUrlText)]
    public string? Api { get; set; }

    [CommandOption("--key <KEY>")]
    [Description("Function key, sent as x-functions-key (not needed locally). Default: $" + EnvironmentVariables.Key + "; prefer the variable, flags show in process lists")]
    public string? Key { get; set; }

    [CommandOption("--storage <URL>")]
    [Description("Write sources straight to the articles container instead of the API: a blob service URL (signs in with DefaultAzureCredential) or a connection string. Status is still read from the API. Default: $" + EnvironmentVariables.Storage)]
    public string? Storage { get; set; }
}
