using System.ComponentModel;
using ContentPipeline.Cli.Publishing;
using ContentPipeline.Cli.Targets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Commands;

internal sealed class WatchSettings : TargetSettings
{
    private static readonly PublishOptions Defaults = new();

    [CommandArgument(0, "<FOLDER>")]
    [Description("The folder to watch, with its subfolders")]
    public string Folder { get; set; } = "";

    [CommandOption("--debounce <MILLISECONDS>")]
    [Description("How long a file must stay unchanged after a save before it is published")]
    [DefaultValue(300)]
    public int DebounceMilliseconds { get; set; } = 300;

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for each article to be published after its upload")]
    [DefaultValue(120)]
    public int TimeoutSeconds { get; set; } = (int)Defaults.Timeout.TotalSeconds;

    public PublishOptions Options => new() { Timeout = TimeSpan.FromSeconds(TimeoutSeconds) };

    public override ValidationResult Validate() =>
        DebounceMilliseconds < 0 ? ValidationResult.Error("--debounce must not be negative.")
        : TimeoutSeconds < 0 ? ValidationResult.Error("--timeout must not be negative.")
        : ValidationResult.Success();
}
