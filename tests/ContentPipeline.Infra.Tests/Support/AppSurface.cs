using System.Reflection;
using ContentPipeline.Core;
using ContentPipeline.Functions.Hosting;
using ContentPipeline.Storage.Cdn;
using Microsoft.Azure.Functions.Worker;

namespace ContentPipeline.Infra.Tests.Support;

/// <summary>
/// What the app reads from its environment, found by reflection so that a new option or trigger is covered without
/// touching the tests: the options classes (every public type with a <c>SectionName</c> constant in the app's
/// assemblies) and the connection names of the functions' binding attributes.
/// </summary>
public static class AppSurface
{
    private static readonly Assembly[] AppAssemblies =
    [
        typeof(ContentPipelineOptions).Assembly,
        typeof(CdnOptions).Assembly,
        typeof(ContentPipelineServiceCollectionExtensions).Assembly,
    ];

    /// <summary>The options classes and the configuration section each binds from.</summary>
    public static IReadOnlyList<(Type Type, string Section)> OptionsClasses() =>
    [
        .. AppAssemblies.SelectMany(a => a.GetExportedTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => (x.Type, Section: (string)x.Field!.GetRawConstantValue()!))
            .OrderBy(x => x.Section, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Every app setting an options property binds from, as an environment variable (<c>ContentPipeline__Cdn__ProfileName</c>),
    /// with the property. Only properties with a public setter are settable from one setting; collections such as
    /// <see cref="ContentPipelineOptions.Navigation"/> bind from numbered keys and are optional.
    /// </summary>
    public static IReadOnlyDictionary<string, PropertyInfo> OptionSettings() =>
        OptionsClasses()
            .SelectMany(o => o.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => (Key: $"{o.Section.Replace(":", "__", StringComparison.Ordinal)}__{p.Name}", Property: p)))
            .ToDictionary(x => x.Key, x => x.Property, StringComparer.Ordinal);

    /// <summary>The default value of the options property behind <paramref name="setting"/>.</summary>
    public static object? DefaultOf(string setting)
    {
        var property = OptionSettings()[setting];
        return property.GetValue(Activator.CreateInstance(property.DeclaringType!));
    }

    /// <summary>Every method declared as a function, with its <c>[Function]</c> name.</summary>
    public static IReadOnlyList<(string Name, MethodInfo Method)> Functions() =>
    [
        .. typeof(ContentPipelineServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Method: m))
            .Where(x => x.Function is not null)
            .Select(x => (x.Function!.Name, x.Method)),
    ];

    /// <summary>The binding attribute of type <typeparamref name="T"/> on a parameter of the function <paramref name="name"/>, if any.</summary>
    public static T? BindingOf<T>(string name)
        where T : Attribute =>
        Functions().Where(f => f.Name == name)
            .SelectMany(f => f.Method.GetParameters())
            .Select(p => p.GetCustomAttribute<T>())
            .FirstOrDefault(a => a is not null);

    /// <summary>
    /// The storage connections the app uses: the <c>Connection</c> of every binding attribute that has one, and the
    /// connection the app's own storage clients read.
    /// </summary>
    public static IReadOnlySet<string> StorageConnections() =>
        Functions()
            .SelectMany(f => f.Method.GetParameters())
            .SelectMany(p => p.GetCustomAttributes())
            .Select(a => a.GetType().GetProperty("Connection")?.GetValue(a) as string)
            .OfType<string>()
            .Where(c => c.Length > 0)
            .Append(ContentPipelineServiceCollectionExtensions.StorageConnection)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The .NET version the app targets, e.g. <c>10.0</c> for net10.0.</summary>
    public static string TargetDotnetVersion()
    {
        var framework = typeof(ContentPipelineServiceCollectionExtensions).Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()!.FrameworkName;
        return new System.Runtime.Versioning.FrameworkName(framework).Version.ToString(2);
    }
}
