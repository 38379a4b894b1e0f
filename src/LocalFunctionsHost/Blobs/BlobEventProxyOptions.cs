namespace LocalFunctionsHost.Blobs;

/// <summary>
/// Where a <see cref="BlobEventProxy"/> listens and where it forwards to.
/// </summary>
public sealed class BlobEventProxyOptions
{
    /// <summary>The port of Azurite's blob service when started with no arguments, which "UseDevelopmentStorage=true" points at.</summary>
    public const int DefaultPort = 10000;

    /// <summary>
    /// The real blob service, e.g. Azurite's http://127.0.0.1:45509. Only its scheme, host and port count:
    /// each request carries its own /account/container/blob path, which is forwarded unchanged.
    /// </summary>
    public required Uri Upstream { get; init; }

    /// <summary>The port to listen on, on 127.0.0.1; 0 lets the OS pick a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>How long a forwarded request may go without any data moving before it is given up.</summary>
    public TimeSpan ActivityTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
