namespace LocalFunctionsHost.Hosting;

/// <summary>The host cannot start for a reason the user can fix; the message says how.</summary>
public sealed class LocalHostException : Exception
{
    public LocalHostException()
    {
    }

    public LocalHostException(string message)
        : base(message)
    {
    }

    public LocalHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
