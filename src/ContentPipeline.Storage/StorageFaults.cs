using System.Net.Sockets;
using Azure;

namespace ContentPipeline.Storage;

/// <summary>Tells a storage service that is down or overloaded from a bug, so callers can answer "retry later".</summary>
public static class StorageFaults
{
    /// <summary>
    /// True when <paramref name="exception"/> says storage could not be reached or answered with a server error, after
    /// the client's own retries: no response at all (status 0), 5xx, or a socket or HTTP transport failure. The SDK
    /// wraps the attempts of an exhausted retry in an <see cref="AggregateException"/>; it counts when all of them do.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        RequestFailedException failed => failed.Status is 0 or >= 500,
        HttpRequestException or SocketException => true,
        TimeoutException => true,
        _ => false,
    };
}
