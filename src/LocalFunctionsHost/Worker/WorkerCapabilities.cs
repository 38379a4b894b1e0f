namespace LocalFunctionsHost.Worker;

/// <summary>Names of WorkerInitResponse capabilities this host reads.</summary>
internal static class WorkerCapabilities
{
    /// <summary>The ASP.NET Core integration's own HTTP listener, e.g. <c>http://localhost:5123/</c>.</summary>
    public const string HttpUri = "HttpUri";

    /// <summary>The worker answers WorkerStatusRequest.</summary>
    public const string WorkerStatus = "WorkerStatus";

    /// <summary>The worker honours InvocationCancel.</summary>
    public const string HandlesInvocationCancelMessage = "HandlesInvocationCancelMessage";

    /// <summary>The worker stops by itself on WorkerTerminate.</summary>
    public const string HandlesWorkerTerminateMessage = "HandlesWorkerTerminateMessage";
}
