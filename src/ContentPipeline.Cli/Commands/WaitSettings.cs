using System.ComponentModel;
using ContentPipeline.Cli.Publishing;
using ContentPipeline.Cli.Targets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Commands;

/// <summary>The settings of the commands that upload and then wait for the pipeline.</summary>
internal abstract class WaitSettings : TargetSettings
{
    protected static readonly PublishOptions Defaults = new();

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for each article to be published after its upload")]
    [DefaultValue(120)]
    public int TimeoutSeconds { get; set; } = (int)Defaults.Timeout.TotalSeconds;

    public override ValidationResult Validate() =>
        TimeoutSeconds < 0 ? ValidationResult.Error("--timeout must not be negative.") : ValidationResult.Success();
}
