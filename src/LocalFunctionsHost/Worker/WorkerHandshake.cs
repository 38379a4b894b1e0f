using System.Text;
using LocalFunctionsHost.App;
using LocalFunctionsHost.Rpc;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// The start-up conversation with a connected worker, in the real host's order: WorkerInitRequest,
/// FunctionsMetadataRequest, then one FunctionLoadRequest per function, every load awaited before any
/// invocation (the worker handles each message on its own task, so an early invocation would race the load).
/// </summary>
internal static partial class WorkerHandshake
{
    public static async Task<WorkerHandshakeResult> RunAsync(
        WorkerChannel channel,
        FunctionAppDirectory app,
        WorkerHostOptions options,
        ILogger logger,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        var init = await channel.InitializeAsync(
            new WorkerInitRequest
            {
                HostVersion = options.HostVersion,
                WorkerDirectory = app.Path,
                FunctionAppDirectory = app.Path,
            },
            options.InitTimeout,
            cancellationToken);
        if (init.Result?.Status != StatusResult.Types.Status.Success)
        {
            throw new WorkerStartupException($"The worker failed to initialise: {Describe(init.Result)}");
        }

        var capabilities = new Dictionary<string, string>(init.Capabilities, StringComparer.Ordinal);
        var httpUri = ReadHttpUri(capabilities, logger);

        var metadata = await channel.GetFunctionMetadataAsync(
            new FunctionsMetadataRequest { FunctionAppDirectory = app.Path }, options.MetadataTimeout, cancellationToken);
        if (metadata.Result is { Status: not StatusResult.Types.Status.Success })
        {
            throw new WorkerStartupException($"The worker failed to index the app's functions: {Describe(metadata.Result)}");
        }

        var (functions, indexedByHost) = ChooseMetadata(metadata, app, logger);
        var failedIndexing = functions.Where(function => function.Status is { Status: StatusResult.Types.Status.Failure }).ToList();
        if (failedIndexing.Count > 0)
        {
            throw new WorkerStartupException(
                "The worker could not index " + string.Join("; ", failedIndexing.Select(function => $"'{function.Name}': {Describe(function.Status)}")));
        }

        var loaded = await LoadAllAsync(channel, functions, app, options, cancellationToken);
        return new WorkerHandshakeResult(capabilities, httpUri, init.WorkerMetadata, loaded, indexedByHost);
    }

    /// <summary>
    /// The worker's own index, unless it asks the host to index or finds nothing, in which case the
    /// build's functions.metadata is used, as the real host would.
    /// </summary>
    private static (IReadOnlyList<RpcFunctionMetadata> Functions, bool IndexedByHost) ChooseMetadata(
        FunctionMetadataResponse response,
        FunctionAppDirectory app,
        ILogger logger)
    {
        if (!response.UseDefaultMetadataIndexing && response.FunctionMetadataResults.Count > 0)
        {
            return (response.FunctionMetadataResults, false);
        }

        if (app.FunctionsMetadata is null)
        {
            LogNoFunctions(logger, app.Path);
            return ([], true);
        }

        LogIndexingFromFile(logger, response.UseDefaultMetadataIndexing, FunctionsMetadataFile.FileName);
        return ([.. app.FunctionsMetadata.Select(definition => FunctionMetadataConversion.ToRpcMetadata(definition, app.Path))], true);
    }

    private static async Task<IReadOnlyList<LoadedFunction>> LoadAllAsync(
        WorkerChannel channel,
        IReadOnlyList<RpcFunctionMetadata> functions,
        FunctionAppDirectory app,
        WorkerHostOptions options,
        CancellationToken cancellationToken)
    {
        var duplicates = functions.GroupBy(function => function.FunctionId, StringComparer.Ordinal).Where(group => group.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw new WorkerStartupException(
                "The worker reported several functions with the same id: " + string.Join("; ", duplicates.Select(group => string.Join(", ", group.Select(f => f.Name)))));
        }

        // All loads go out at once, as the real host sends them; the worker answers each independently.
        var loads = functions.Select(function =>
        {
            if (string.IsNullOrEmpty(function.Directory))
            {
                function.Directory = app.Path;
            }

            return channel.LoadFunctionAsync(
                new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function },
                options.LoadTimeout,
                cancellationToken);
        }).ToList();

        try
        {
            await Task.WhenAll(loads);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Every load has finished; failures are reported below, per function, all of them rather than the first.
        }

        var failures = new StringBuilder();
        for (var index = 0; index < functions.Count; index++)
        {
            var function = functions[index];
            var load = loads[index];
            if (load.IsFaulted)
            {
                var error = load.Exception!.InnerException!;
                if (error is WorkerUnavailableException)
                {
                    throw new WorkerStartupException($"The worker went away while loading '{function.Name}': {error.Message}", error);
                }

                failures.AppendLine().Append(" - ").Append(function.Name).Append(": ").Append(error.Message);
            }
            else if (load.Result.Result?.Status != StatusResult.Types.Status.Success)
            {
                failures.AppendLine().Append(" - ").Append(function.Name).Append(" (").Append(function.EntryPoint).Append("): ").Append(Describe(load.Result.Result));
            }
        }

        if (failures.Length > 0)
        {
            throw new WorkerStartupException("The worker could not load every function:" + failures);
        }

        return [.. functions.Select(FunctionMetadataConversion.ToLoadedFunction)];
    }

    private static Uri? ReadHttpUri(Dictionary<string, string> capabilities, ILogger logger)
    {
        if (!capabilities.TryGetValue(WorkerCapabilities.HttpUri, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        LogBadHttpUri(logger, value);
        return null;
    }

    /// <summary>The most useful text in a worker's status: its exception message (with type), else its result text.</summary>
    internal static string Describe(StatusResult? result)
    {
        if (result is null)
        {
            return "the worker sent no status";
        }

        if (result.Exception is { } exception && !string.IsNullOrEmpty(exception.Message))
        {
            return string.IsNullOrEmpty(exception.Type) || exception.Message.StartsWith(exception.Type, StringComparison.Ordinal)
                ? exception.Message
                : $"{exception.Type}: {exception.Message}";
        }

        return string.IsNullOrEmpty(result.Result) ? $"status {result.Status} without a message" : result.Result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The worker found no functions and {AppDirectory} holds no functions.metadata; the app has no functions to run")]
    private static partial void LogNoFunctions(ILogger logger, string appDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "The worker left indexing to the host (use_default_metadata_indexing={UseDefault}); reading {FileName}")]
    private static partial void LogIndexingFromFile(ILogger logger, bool useDefault, string fileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The worker's HttpUri capability '{Value}' is not an absolute URI; HTTP functions cannot be proxied")]
    private static partial void LogBadHttpUri(ILogger logger, string value);
}
