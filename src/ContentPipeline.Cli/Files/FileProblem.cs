using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Files;

/// <summary>A file, or a path given, that cannot be published as it is; the message says what to change.</summary>
/// <param name="DisplayPath">The path as shown to the editor.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Slug">The slug the file would have had, when it has one (so pruning does not take it for gone).</param>
internal sealed record FileProblem(string DisplayPath, string Message, Slug? Slug = null);
