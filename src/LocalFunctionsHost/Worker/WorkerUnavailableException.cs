namespace LocalFunctionsHost.Worker;

/// <summary>
/// The worker cannot take or finish an invocation: it exited or crashed (in-flight invocations fail
/// with this), it is restarting and did not come back in time, or the host is stopping.
/// Callers answer it as "service unavailable" (HTTP 503) or retry later.
/// </summary>
public sealed class WorkerUnavailableException : Exception
{
    public WorkerUnavailableException()
        : base("The function app's worker process is not available.")
    {
    }

    public WorkerUnavailableException(string message)
        : base(message)
    {
    }

    public WorkerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
