using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using LocalFunctionsHost.App;
using LocalFunctionsHost.Rpc;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Blobs;

/// <summary>
/// Turns blob changes into blob-trigger invocations with the real host's guarantees: at least once per blob
/// version (receipts keyed by ETag), at most <see cref="BlobsExtensionSettings.MaxDegreeOfParallelism"/> at a time,
/// and after <see cref="BlobsExtensionSettings.PoisonBlobThreshold"/> failed tries a message on
/// <c>webjobs-blobtrigger-poison</c> instead of further retries.
/// </summary>
internal sealed partial class BlobTriggerDispatcher : IBlobChangeListener, IAsyncDisposable
{
    public const string PoisonQueueName = "webjobs-blobtrigger-poison";

    /// <summary>How long stopping waits for invocations in flight before abandoning them.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly WorkerHost worker;
    private readonly IReadOnlyList<BlobTriggerFunction> functions;
    private readonly BlobServiceClient storage;
    private readonly QueueServiceClient queues;
    private readonly BlobReceipts receipts;
    private readonly Uri publicBlobEndpoint;
    private readonly BlobsExtensionSettings settings;
    private readonly ILogger<BlobTriggerDispatcher> logger;
    private readonly Channel<BlobWorkItem> work = Channel.CreateUnbounded<BlobWorkItem>();
    private readonly ConcurrentDictionary<string, byte> inFlight = new(StringComparer.Ordinal);
    // Two stages of stopping: no new work is taken, then (after a grace period) work in flight is abandoned.
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource abandoning = new();
    private readonly Task[] consumers;

    public BlobTriggerDispatcher(
        WorkerHost worker,
        IReadOnlyList<BlobTriggerFunction> functions,
        BlobServiceClient storage,
        QueueServiceClient queues,
        BlobReceipts receipts,
        Uri publicBlobEndpoint,
        BlobsExtensionSettings settings,
        ILogger<BlobTriggerDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.worker = worker;
        this.functions = functions;
        this.storage = storage;
        this.queues = queues;
        this.receipts = receipts;
        this.publicBlobEndpoint = publicBlobEndpoint;
        this.settings = settings;
        this.logger = logger;
        consumers = Enumerable.Range(0, Math.Max(1, settings.MaxDegreeOfParallelism)).Select(_ => Task.Run(ConsumeAsync)).ToArray();
    }

    public IReadOnlyList<BlobTriggerFunction> Functions => functions;

    /// <summary>Every blob write seen by the proxy goes to each function whose path matches it. Deletes fire no blob trigger.</summary>
    public ValueTask OnBlobChangedAsync(BlobChangedEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == BlobChangeKind.Created)
        {
            foreach (var function in functions)
            {
                Enqueue(function, change.ContainerName, change.BlobName, change.ETag, requireSameETag: false);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Queues a blob for one function if its path matches; false when it does not.</summary>
    public bool Enqueue(BlobTriggerFunction function, string container, string blobName, ETag? etag, bool requireSameETag)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (!function.Path.TryMatch(container, blobName, out _))
        {
            return false;
        }

        return work.Writer.TryWrite(new BlobWorkItem(function, container, blobName, etag, requireSameETag));
    }

    public async ValueTask DisposeAsync()
    {
        work.Writer.TryComplete();
        await stopping.CancelAsync();

        // Invocations in flight get to finish and write their receipts (the worker outlives the dispatcher), or a
        // blob handled just before a stop would fire again at the next start.
        var consumed = Task.WhenAll(consumers);
        await consumed.WaitAsync(DrainTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!consumed.IsCompleted)
        {
            await abandoning.CancelAsync();
            await consumed.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        stopping.Dispose();
        abandoning.Dispose();
    }

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var item in work.Reader.ReadAllAsync(stopping.Token))
            {
                try
                {
                    await ProcessAsync(item, abandoning.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogDispatchFailed(ex, item.Function.FunctionName, item.ContainerName, item.BlobName);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task ProcessAsync(BlobWorkItem item, CancellationToken cancellationToken)
    {
        var blob = storage.GetBlobContainerClient(item.ContainerName).GetBlobClient(item.BlobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            LogBlobGone(item.Function.FunctionName, item.ContainerName, item.BlobName);
            return;
        }

        if (item.RequireSameETag && item.ETag is { } announced && !SameVersion(announced, properties.ETag))
        {
            return; // A newer version exists and is (or will be) dispatched on its own.
        }

        // The same blob version can arrive twice at once (an event and a scan); handle it once.
        var key = $"{item.Function.FunctionName}\n{item.ContainerName}\n{item.BlobName}\n{properties.ETag}";
        if (!inFlight.TryAdd(key, 0))
        {
            return;
        }

        try
        {
            if (await receipts.ExistsAsync(item.Function.FunctionName, item.ContainerName, item.BlobName, properties.ETag, cancellationToken))
            {
                return;
            }

            await InvokeWithRetriesAsync(item, properties, cancellationToken);
            await receipts.WriteAsync(item.Function.FunctionName, item.ContainerName, item.BlobName, properties.ETag, cancellationToken);
        }
        finally
        {
            inFlight.TryRemove(key, out _);
        }
    }

    // Listings give ETags bare (0x8D…) and Get Blob Properties gives them quoted ("0x8D…"), in Azure as in Azurite;
    // ETag's own equality compares the text as it is, so the two spellings of one version would never match.
    private static bool SameVersion(ETag left, ETag right) =>
        string.Equals(left.ToString().Trim('"'), right.ToString().Trim('"'), StringComparison.Ordinal);

    private async Task InvokeWithRetriesAsync(BlobWorkItem item, BlobProperties properties, CancellationToken cancellationToken)
    {
        item.Function.Path.TryMatch(item.ContainerName, item.BlobName, out var placeholders);
        var blobUri = new Uri(publicBlobEndpoint.AbsoluteUri.TrimEnd('/') + "/" + item.ContainerName + "/" + Uri.EscapeDataString(item.BlobName).Replace("%2F", "/", StringComparison.Ordinal));
        for (var attempt = 1; ; attempt++)
        {
            string error;
            try
            {
                var function = worker.FindFunction(item.Function.FunctionName)
                    ?? throw new WorkerUnavailableException($"The function '{item.Function.FunctionName}' is not loaded.");
                var request = BlobInvocationFactory.Create(function.FunctionId, item, placeholders!, properties, blobUri);
                var response = await worker.InvokeAsync(request, cancellationToken);
                if (response.Result.Status == StatusResult.Types.Status.Success)
                {
                    LogInvoked(item.Function.FunctionName, item.ContainerName, item.BlobName, request.InvocationId);
                    return;
                }

                error = response.Result.Exception?.Message ?? response.Result.Result;
            }
            catch (WorkerUnavailableException ex)
            {
                error = ex.Message;
            }

            // Stopping: a failure now is most likely the worker going away. Leave no receipt and send nothing to the
            // poison queue, so the next start's scan tries the blob afresh.
            stopping.Token.ThrowIfCancellationRequested();
            if (attempt >= settings.PoisonBlobThreshold)
            {
                LogPoisoned(item.Function.FunctionName, item.ContainerName, item.BlobName, attempt, error);
                await SendToPoisonQueueAsync(item, properties, cancellationToken);
                return;
            }

            LogRetrying(item.Function.FunctionName, item.ContainerName, item.BlobName, attempt, error);
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }
    }

    private async Task SendToPoisonQueueAsync(BlobWorkItem item, BlobProperties properties, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(PoisonQueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        // The real host's BlobTriggerMessage, so tools that read poison messages find the same shape.
        var message = JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger",
            FunctionId = BlobReceipts.FunctionId(item.Function.FunctionName),
            BlobType = properties.BlobType.ToString(),
            ContainerName = item.ContainerName,
            BlobName = item.BlobName,
            ETag = properties.ETag.ToString(),
        });
        await queue.SendMessageAsync(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(message)), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob trigger {FunctionName} ran for {Container}/{BlobName} (invocation {InvocationId})")]
    private partial void LogInvoked(string functionName, string container, string blobName, string invocationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger {FunctionName} failed for {Container}/{BlobName} (try {Attempt}): {Error}; retrying")]
    private partial void LogRetrying(string functionName, string container, string blobName, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob trigger {FunctionName} failed {Attempt} times for {Container}/{BlobName}: {Error}; the blob was sent to the poison queue " + PoisonQueueName)]
    private partial void LogPoisoned(string functionName, string container, string blobName, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob trigger {FunctionName} skipped {Container}/{BlobName}: it no longer exists")]
    private partial void LogBlobGone(string functionName, string container, string blobName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not dispatch {Container}/{BlobName} to {FunctionName}")]
    private partial void LogDispatchFailed(Exception exception, string functionName, string container, string blobName);
}
