using LocalFunctionsHost.Rpc;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// An exception that happened inside the worker, rebuilt from the protocol's <see cref="RpcException"/>
/// so it can be logged (and rethrown) with the worker's type, message and stack trace.
/// </summary>
public sealed class WorkerReportedException : Exception
{
    private readonly string? _stackTrace;

    public WorkerReportedException()
    {
    }

    public WorkerReportedException(string message)
        : base(message)
    {
    }

    public WorkerReportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private WorkerReportedException(string message, string? typeName, string? stackTrace, bool isUserException)
        : base(message)
    {
        TypeName = typeName;
        _stackTrace = stackTrace;
        IsUserException = isUserException;
    }

    /// <summary>The full name of the exception's type in the worker (set when the worker reports user-code exceptions).</summary>
    public string? TypeName { get; }

    /// <summary>Whether the function's own code threw it, rather than the worker or a binding.</summary>
    public bool IsUserException { get; }

    public override string? StackTrace => _stackTrace;

    internal static WorkerReportedException From(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = string.IsNullOrEmpty(exception.Message) ? "(the worker reported no message)" : exception.Message;
        return new WorkerReportedException(
            message,
            string.IsNullOrEmpty(exception.Type) ? null : exception.Type,
            string.IsNullOrEmpty(exception.StackTrace) ? null : exception.StackTrace,
            exception.IsUserException);
    }

    public override string ToString()
    {
        // For its own (non-user) errors the worker sends Exception.ToString() as the message, which
        // already names the type and holds the stack trace; repeating them would print both twice.
        var head = TypeName is null || Message.StartsWith(TypeName, StringComparison.Ordinal) ? Message : $"{TypeName}: {Message}";
        var firstFrame = StackTrace?.Split('\n', 2)[0].Trim();
        return string.IsNullOrEmpty(firstFrame) || Message.Contains(firstFrame, StringComparison.Ordinal)
            ? head
            : head + Environment.NewLine + StackTrace;
    }
}
