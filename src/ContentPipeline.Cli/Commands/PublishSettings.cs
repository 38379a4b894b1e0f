using System.ComponentModel;
using ContentPipeline.Cli.Publishing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Commands;

internal sealed class PublishSettings : WaitSettings
{
    [CommandArgument(0, "<PATHS>")]
    [Description("Folders (searched recursively) and files: .md, .markdown, .txt, .html")]
    public string[] Paths { get; set; } = [];

    [CommandOption("--prune")]
    [Description("Unpublish every article of the site that no file in the folder stands for (one folder only; asks first)")]
    public bool Prune { get; set; }

    [CommandOption("-y|--yes")]
    [Description("Do not ask before pruning (needed when there is no terminal to ask on)")]
    public bool Yes { get; set; }

    [CommandOption("--parallel <N>")]
    [Description("Uploads in flight at once")]
    [DefaultValue(8)]
    public int Parallel { get; set; } = Defaults.Parallelism;

    public PublishOptions Options => new() { Parallelism = Parallel, Timeout = TimeSpan.FromSeconds(TimeoutSeconds) };

    public override ValidationResult Validate() =>
        Paths.Length == 0 ? ValidationResult.Error("Give at least one folder or file to publish.")
        : Parallel is < 1 or > 64 ? ValidationResult.Error("--parallel must be from 1 to 64.")
        : Prune && Paths.Length != 1 ? ValidationResult.Error("--prune takes exactly one folder: the folder that holds the whole site.")
        : base.Validate();
}
