using System.Diagnostics.CodeAnalysis;
using ContentPipeline.Core.Slugs;

namespace ContentPipeline.Cli.Files;

/// <summary>
/// The one rule for a file's slug: its name without the extension, exactly, as the blob trigger reads
/// <c>articles/{slug}.{ext}</c>. It is never normalised, so <c>hello-world.md</c> is published as
/// <c>hello-world</c> whether it goes over <c>PUT /api/articles/hello-world</c> or straight into the container,
/// and the same file always lands on the same URL. Front matter <c>slug:</c> does not choose the slug; when it
/// disagrees with the name the pipeline refuses the file, in both modes.
/// </summary>
internal static class FileSlug
{
    /// <summary>The slug of <paramref name="fileName"/>, or a message saying how to rename the file.</summary>
    public static bool TryFrom(string fileName, [NotNullWhen(true)] out Slug? slug, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        if (Slug.TryParse(Path.GetFileNameWithoutExtension(name), out slug, out var error))
        {
            problem = null;
            return true;
        }

        problem = $"The file name does not make a slug. {error} Rename it to '{SlugGenerator.FromFileName(name).Value}{Path.GetExtension(name)}'.";
        return false;
    }
}
