using System.ComponentModel;
using ContentPipeline.Cli.Targets;
using Spectre.Console.Cli;

namespace ContentPipeline.Cli.Commands;

internal sealed class StatusSettings : TargetSettings
{
    [CommandArgument(0, "[SLUG]")]
    [Description("One article to show in full; without it, the counts per status and every article that is not published")]
    public string? Slug { get; set; }
}
