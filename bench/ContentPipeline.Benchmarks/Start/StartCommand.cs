namespace ContentPipeline.Benchmarks.Start;

/// <summary>A way to start the local host from the repository root: what a user types, as a program and its arguments.</summary>
internal sealed record StartCommand(string Name, string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Every port free (0), so a host already running on the usual ports does not stop the run; the host prints the
    /// ports it got, and nothing else about starting changes.
    /// </summary>
    private static readonly string[] FreePorts = ["--port", "0", "--site-port", "0", "--blob-port", "0", "--queue-port", "0", "--table-port", "0"];

    /// <summary>The README's command: <c>dotnet run --project src/LocalFunctionsHost</c>, which checks both builds first.</summary>
    public static StartCommand Readme { get; } = new("dotnet run --project src/LocalFunctionsHost", "dotnet", ["run", "--project", "src/LocalFunctionsHost", "--", .. FreePorts]);

    /// <summary>The same without either build check: <c>dotnet run --no-build … -- --no-build</c>.</summary>
    public static StartCommand NoBuild { get; } = new("dotnet run --no-build ... -- --no-build", "dotnet", ["run", "--no-build", "--project", "src/LocalFunctionsHost", "--", "--no-build", .. FreePorts]);

    /// <summary>The built host itself, no <c>dotnet run</c> at all.</summary>
    public static StartCommand BuiltHost(string configuration) =>
        new($"dotnet src/LocalFunctionsHost/bin/{configuration}/net10.0/LocalFunctionsHost.dll --no-build", "dotnet", [$"src/LocalFunctionsHost/bin/{configuration}/net10.0/LocalFunctionsHost.dll", "--no-build", .. FreePorts]);

    public override string ToString() => Name;
}
