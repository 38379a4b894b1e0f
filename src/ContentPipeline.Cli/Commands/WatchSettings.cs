using System.ComponentModel;
using ContentPipeline.Cli.Publishing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Commands;

internal sealed class WatchSettings : WaitSettings
{
    [CommandArgument(0, "<FOLDER>")]
    [Description("The folder to watch, with its subfolders")]
    public string Folder { get; set; } = "";

    [CommandOption("--debounce <MILLISECONDS>")]
    [Description("How long a file must stay unchanged after a save before it is published")]
    [DefaultValue(300)]
    public int DebounceMilliseconds { get; set; } = 300;

    public PublishOptions Options => new() { Timeout = TimeSpan.FromSeconds(TimeoutSeconds) };

    public override ValidationResult Validate() =>
        DebounceMilliseconds < 0 ? ValidationResult.Error("--debounce must not be negative.") : base.Validate();
}
