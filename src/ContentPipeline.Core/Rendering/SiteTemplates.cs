using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace ContentPipeline.Core.Rendering;

/// <summary>
/// The site's Liquid templates, parsed once at start-up: the built-in ones, each replaceable by a file of the same
/// name in <see cref="ContentPipelineOptions.TemplateDirectory"/>. Every page is its own template rendered into
/// <c>layout.liquid</c>. Rendering is thread-safe and deterministic.
/// </summary>
public sealed class SiteTemplates
{
    /// <summary>The shared layout's name.</summary>
    public const string Layout = "layout";

    private const string ResourcePrefix = "ContentPipeline.Core.Rendering.Templates.";
    private const string Extension = ".liquid";

    // Escapes markup-significant characters but leaves non-Latin text readable instead of as &#x…; entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<string, IFluidTemplate> templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions templateOptions = new();

    /// <summary>Loads and parses every template; an invalid one fails here, naming its file.</summary>
    public SiteTemplates(ContentPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parser = new FluidParser();
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..^Extension.Length];
            var overridePath = options.TemplateDirectory is { Length: > 0 } directory ? Path.Combine(directory, name + Extension) : null;
            var (source, origin) = overridePath is not null && File.Exists(overridePath)
                ? (File.ReadAllText(overridePath), overridePath)
                : (ReadResource(assembly, resource), "built-in " + name + Extension);
            if (!parser.TryParse(source, out var template, out var error))
            {
                throw new InvalidOperationException($"The template '{origin}' is not valid Liquid: {error}");
            }

            templates[name] = template;
            sources[name] = source;
        }

        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', sources.Select(pair => pair.Key + '\0' + pair.Value)))));
    }

    /// <summary>A hash of every template's source: it changes whenever any template does.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Renders template <paramref name="name"/> with <paramref name="model"/>, then the layout around it
    /// (it gets the same model plus <c>content</c>).
    /// </summary>
    public string RenderPage(string name, IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = new TemplateContext(templateOptions);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        context.SetValue("content", Template(name).Render(context, Encoder));
        return Template(Layout).Render(context, Encoder);
    }

    private IFluidTemplate Template(string name) =>
        templates.TryGetValue(name, out var template) ? template : throw new ArgumentException($"There is no template named '{name}'.", nameof(name));

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
