namespace LocalFunctionsHost.Worker;

/// <summary>
/// The worker could not be started: the process exited or never connected, or it refused to
/// initialise, index or load a function. The message says which and quotes the worker.
/// </summary>
public sealed class WorkerStartupException : Exception
{
    public WorkerStartupException()
        : base("The function app's worker process could not be started.")
    {
    }

    public WorkerStartupException(string message)
        : base(message)
    {
    }

    public WorkerStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
