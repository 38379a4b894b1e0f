using System.Globalization;

namespace LocalFunctionsHost.Hosting;

/// <summary>
/// What the host runs and where, from command-line flags, each of which can also come from an environment
/// variable (flags win). Every default is what `dotnet run` with no arguments needs.
/// </summary>
internal sealed class LocalHostOptions
{
    public const string EnvironmentPrefix = "FUNCTIONS_HOST_";

    /// <summary>The function app: a project folder, a .csproj, or a built output folder. Null finds the one project under ./src.</summary>
    public string? App { get; private set; }

    public int Port { get; private set; } = 7071;

    public int SitePort { get; private set; } = 7072;

    /// <summary>The public blob endpoint port (the event proxy in front of Azurite): 10000 like the emulator.</summary>
    public int BlobPort { get; private set; } = 10000;

    public int QueuePort { get; private set; } = 10001;

    public int TablePort { get; private set; } = 10002;

    /// <summary>A storage connection string to use instead of starting Azurite.</summary>
    public string? Storage { get; private set; }

    public bool Persist { get; private set; }

    /// <summary>Where <see cref="Persist"/> keeps Azurite's data.</summary>
    public string PersistFolder { get; private set; } = ".azurite";

    public bool Build { get; private set; } = true;

    public LogLevel LogLevel { get; private set; } = LogLevel.Information;

    public string SiteContainer { get; private set; } = "$web";

    public bool ShowHelp { get; private set; }

    public static string Usage => """
        Runs an Azure Functions .NET isolated app locally: builds it, starts Azurite, starts the worker and serves
        its HTTP functions, blob/timer triggers and the static website container.

        Usage: dotnet run --project src/LocalFunctionsHost [-- options]

        Options (each also as an environment variable FUNCTIONS_HOST_<NAME>, e.g. FUNCTIONS_HOST_PORT=8080):
          --app <path>           Function app project folder, .csproj or built output folder.
                                 Default: the one project under ./src that sets <AzureFunctionsVersion>.
          --port <n>             API port (default 7071). Routes use host.json's routePrefix.
          --site-port <n>        Static website port serving the $web container (default 7072).
          --blob-port <n>        Blob endpoint clients use (default 10000, as the emulator); 0 picks a free port.
          --queue-port <n>       Azurite queue port (default 10001); 0 picks a free port.
          --table-port <n>       Azurite table port (default 10002); 0 picks a free port.
          --storage <conn>       Use this storage account instead of starting Azurite (blob triggers then poll).
          --persist              Keep Azurite's data in ./.azurite between runs (default: in memory).
          --persist-folder <p>   Folder for --persist (default .azurite).
          --site-container <n>   Container served as the website (default $web).
          --no-build             Run the app's existing build output.
          --log-level <level>    Trace, Debug, Information (default), Warning, Error.
          --help                 Show this text.
        """;

    /// <summary>Reads flags and environment; returns an error message for bad input.</summary>
    public static (LocalHostOptions? Options, string? Error) Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var options = new LocalHostOptions();
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "app", "port", "site-port", "blob-port", "queue-port", "table-port", "storage", "persist", "persist-folder", "site-container", "no-build", "log-level" })
        {
            if (environment(EnvironmentPrefix + name.Replace('-', '_').ToUpperInvariant()) is { Length: > 0 } value)
            {
                values[name] = value;
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                options.ShowHelp = true;
                return (options, null);
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"Unexpected argument '{arg}'. Run with --help for the options.");
            }

            var name = arg[2..];
            if (name is "persist" or "no-build")
            {
                values[name] = "true";
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{arg} needs a value. Run with --help for the options.");
            }

            values[name] = args[++i];
        }

        foreach (var (name, value) in values)
        {
            var error = options.Apply(name, value!);
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (options, null);
    }

    private string? Apply(string name, string value)
    {
        switch (name)
        {
            case "app": App = value; return null;
            case "storage": Storage = value; return null;
            case "persist-folder": PersistFolder = value; return null;
            case "site-container": SiteContainer = value; return null;
            case "persist": return Flag(value, v => Persist = v, name);
            case "no-build": return Flag(value, v => Build = !v, name);
            case "port": return PortValue(value, v => Port = v, name);
            case "site-port": return PortValue(value, v => SitePort = v, name);
            case "blob-port": return PortValue(value, v => BlobPort = v, name);
            case "queue-port": return PortValue(value, v => QueuePort = v, name);
            case "table-port": return PortValue(value, v => TablePort = v, name);
            case "log-level":
                if (Enum.TryParse<LogLevel>(value, ignoreCase: true, out var level))
                {
                    LogLevel = level;
                    return null;
                }

                return $"--log-level '{value}' is not a level; use Trace, Debug, Information, Warning or Error.";
            default:
                return $"Unknown option --{name}. Run with --help for the options.";
        }
    }

    private static string? Flag(string value, Action<bool> set, string name)
    {
        if (!bool.TryParse(value, out var flag))
        {
            return $"--{name} takes true or false, not '{value}'.";
        }

        set(flag);
        return null;
    }

    private static string? PortValue(string value, Action<int> set, string name)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return $"--{name} '{value}' is not a port; use a number from 0 (any free port) to 65535.";
        }

        set(port);
        return null;
    }
}
