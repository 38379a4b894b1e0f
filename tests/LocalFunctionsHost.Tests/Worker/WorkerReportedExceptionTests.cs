using LocalFunctionsHost.Worker;
using RpcException = LocalFunctionsHost.Rpc.RpcException;

namespace LocalFunctionsHost.Tests.Worker;

public sealed class WorkerReportedExceptionTests
{
    [Fact]
    public void A_user_exception_shows_the_workers_type_message_and_stack_trace()
    {
        var exception = WorkerReportedException.From(new RpcException
        {
            Type = "System.InvalidOperationException",
            Message = "Nope.",
            StackTrace = "   at App.Fn.Run()",
            IsUserException = true,
        });

        Assert.True(exception.IsUserException);
        Assert.Equal("System.InvalidOperationException", exception.TypeName);
        Assert.Equal("System.InvalidOperationException: Nope." + Environment.NewLine + "   at App.Fn.Run()", exception.ToString());
    }

    [Fact]
    public void A_worker_error_whose_message_is_already_the_full_exception_text_is_not_repeated()
    {
        const string FullText = "System.OperationCanceledException: Cancelled.\n   at Worker.Coordinator.Wait()";
        var exception = WorkerReportedException.From(new RpcException
        {
            Type = "System.OperationCanceledException",
            Message = FullText,
            StackTrace = "   at Worker.Coordinator.Wait()",
        });

        Assert.Equal(FullText, exception.ToString());
    }
}
