using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LocalFunctionsHost.Rpc;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Queues;

/// <summary>
/// Polls a function's queue and invokes it once per message, as the real host does: a failed message becomes
/// visible again and is retried, and one dequeued <see cref="MaxDequeueCount"/> times moves to
/// <c>{queue}-poison</c>. Polling backs off from 100 ms to 1 s while the queue is empty (the real host's
/// maximum is a minute; locally fast beats cheap).
/// </summary>
internal sealed partial class QueueListener(WorkerHost worker, QueueTriggerFunction function, QueueServiceClient queues, bool base64Messages, ILogger<QueueListener> logger)
{
    public const int MaxDequeueCount = 5;

    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxPollingInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryVisibility = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(function.QueueName);
        var delay = MinPollingInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(16, VisibilityTimeout, cancellationToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollingInterval.Ticks));
                    continue;
                }

                delay = MinPollingInterval;
                await Task.WhenAll(messages.Select(message => HandleAsync(queue, message, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex)
            {
                LogPollFailed(ex, function.QueueName);
                await Task.Delay(MaxPollingInterval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task HandleAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > MaxDequeueCount)
        {
            await MoveToPoisonAsync(queue, message, cancellationToken);
            return;
        }

        var request = new InvocationRequest { InvocationId = Guid.NewGuid().ToString(), TraceContext = new RpcTraceContext() };
        var text = MessageText(message.Body);
        request.InputData.Add(new ParameterBinding { Name = function.BindingName, Data = new TypedData { String = text } });
        // Numbers go as JSON, as the real host sends them: the 2.52 worker refuses TypedData.int in metadata.
        request.TriggerMetadata["DequeueCount"] = new TypedData { Json = message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        request.TriggerMetadata["Id"] = new TypedData { String = message.MessageId };
        request.TriggerMetadata["PopReceipt"] = new TypedData { String = message.PopReceipt };
        request.TriggerMetadata["InsertionTime"] = new TypedData { Json = JsonSerializer.Serialize(message.InsertedOn) };
        request.TriggerMetadata["ExpirationTime"] = new TypedData { Json = JsonSerializer.Serialize(message.ExpiresOn) };
        request.TriggerMetadata["NextVisibleTime"] = new TypedData { Json = JsonSerializer.Serialize(message.NextVisibleOn) };

        string error;
        try
        {
            request.FunctionId = worker.FindFunction(function.FunctionName)?.FunctionId
                ?? throw new WorkerUnavailableException($"The function '{function.FunctionName}' is not loaded.");
            var response = await worker.InvokeAsync(request, cancellationToken);
            if (response.Result.Status == StatusResult.Types.Status.Success)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                return;
            }

            error = response.Result.Exception?.Message ?? response.Result.Result;
        }
        catch (WorkerUnavailableException ex)
        {
            error = ex.Message;
        }

        if (message.DequeueCount >= MaxDequeueCount)
        {
            await MoveToPoisonAsync(queue, message, cancellationToken);
            return;
        }

        LogRetrying(function.FunctionName, function.QueueName, message.DequeueCount, error);
        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: RetryVisibility, cancellationToken: cancellationToken);
    }

    // host.json extensions.queues.messageEncoding is base64 by default: decode, but pass text that is not base64 as is.
    private string MessageText(BinaryData body)
    {
        var raw = body.ToString();
        if (!base64Messages)
        {
            return raw;
        }

        var buffer = new byte[raw.Length];
        return Convert.TryFromBase64String(raw, buffer, out var written) ? System.Text.Encoding.UTF8.GetString(buffer, 0, written) : raw;
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueueClient(function.QueueName + "-poison");
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        LogPoisoned(function.FunctionName, function.QueueName, message.MessageId, message.DequeueCount);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue trigger {FunctionName} failed on {Queue} (dequeue {DequeueCount}): {Error}; the message will be retried")]
    private partial void LogRetrying(string functionName, string queue, long dequeueCount, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue trigger {FunctionName}: message {MessageId} on {Queue} reached MaxDequeueCount of {DequeueCount} and moved to the poison queue")]
    private partial void LogPoisoned(string functionName, string queue, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed")]
    private partial void LogPollFailed(Exception exception, string queue);
}
