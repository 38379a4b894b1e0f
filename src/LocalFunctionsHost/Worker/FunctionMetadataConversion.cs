using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using LocalFunctionsHost.App;
using LocalFunctionsHost.Rpc;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// Turns function metadata into what the worker loads (<see cref="RpcFunctionMetadata"/>) and what the
/// rest of the host reads (<see cref="LoadedFunction"/>).
/// </summary>
internal static class FunctionMetadataConversion
{
    /// <summary>
    /// Builds the metadata the worker would have sent for a <c>functions.metadata</c> entry: raw bindings,
    /// the bindings map the worker's loader groups into inputs and outputs, and a function id that is
    /// stable across worker restarts (the worker's own file reader makes a random one per read).
    /// </summary>
    public static RpcFunctionMetadata ToRpcMetadata(FunctionMetadataDefinition definition, string appDirectory)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var metadata = new RpcFunctionMetadata
        {
            Name = definition.Name,
            Directory = appDirectory,
            ScriptFile = definition.ScriptFile,
            EntryPoint = definition.EntryPoint,
            Language = definition.Language,
            FunctionId = StableFunctionId(definition),
            IsProxy = false,
        };

        foreach (var binding in definition.Bindings)
        {
            metadata.RawBindings.Add(binding.GetRawText());
            metadata.Bindings[JsonFileOptions.GetString(binding, "name")!] = ToBindingInfo(binding, definition.Name);
        }

        foreach (var (name, value) in definition.Properties)
        {
            metadata.Properties[name] = value;
        }
        if (definition.Retry is { } retry)
        {
            metadata.RetryOptions = ToRetryOptions(retry, definition.Name);
        }

        return metadata;
    }

    /// <summary>
    /// Describes a function for the rest of the host, from its raw bindings (kept in declaration order)
    /// and, for any binding the raw list lacks, the bindings map.
    /// </summary>
    public static LoadedFunction ToLoadedFunction(RpcFunctionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var bindings = new List<FunctionBinding>();
        foreach (var rawText in metadata.RawBindings)
        {
            JsonElement raw;
            try
            {
                using var document = JsonDocument.Parse(rawText, JsonFileOptions.Document);
                raw = document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"Function '{metadata.Name}' has a raw binding that is not JSON: {exception.Message}", exception);
            }

            var name = JsonFileOptions.GetString(raw, "name") ?? string.Empty;
            var type = JsonFileOptions.GetString(raw, "type") ?? string.Empty;
            var direction = metadata.Bindings.TryGetValue(name, out var info) ? info.Direction : ParseDirection(raw, metadata.Name);
            bindings.Add(new FunctionBinding(name, type, direction, raw));
        }

        foreach (var (name, info) in metadata.Bindings)
        {
            if (!bindings.Exists(binding => string.Equals(binding.Name, name, StringComparison.Ordinal)))
            {
                bindings.Add(new FunctionBinding(name, info.Type, info.Direction, SynthesizeRaw(name, info)));
            }
        }

        return new LoadedFunction(metadata, bindings);
    }

    public static BindingInfo ToBindingInfo(JsonElement binding, string functionName)
    {
        var info = new BindingInfo
        {
            Type = JsonFileOptions.GetString(binding, "type") ?? string.Empty,
            Direction = ParseDirection(binding, functionName),
        };

        if (JsonFileOptions.GetString(binding, "dataType") is { Length: > 0 } dataType)
        {
            info.DataType = System.Enum.TryParse<BindingInfo.Types.DataType>(dataType, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidDataException($"Function '{functionName}' has a binding with an unknown dataType '{dataType}'.");
        }

        if (JsonFileOptions.TryGetProperty(binding, "properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                info.Properties[property.Name] = JsonFileOptions.AsText(property.Value) ?? property.Value.GetRawText();
            }
        }

        return info;
    }

    private static BindingInfo.Types.Direction ParseDirection(JsonElement binding, string functionName)
    {
        var direction = JsonFileOptions.GetString(binding, "direction");
        return direction is not null && System.Enum.TryParse<BindingInfo.Types.Direction>(direction, ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidDataException($"Function '{functionName}' has a binding whose direction '{direction}' is not In, Out or InOut.");
    }

    private static RpcRetryOptions ToRetryOptions(JsonElement retry, string functionName)
    {
        var options = new RpcRetryOptions
        {
            MaxRetryCount = JsonFileOptions.GetInt32(retry, "maxRetryCount") ?? 0,
            RetryStrategy = JsonFileOptions.GetString(retry, "strategy") is { } strategy
                && strategy.Equals("fixedDelay", StringComparison.OrdinalIgnoreCase)
                ? RpcRetryOptions.Types.RetryStrategy.FixedDelay
                : RpcRetryOptions.Types.RetryStrategy.ExponentialBackoff,
        };

        options.DelayInterval = ParseInterval(retry, "delayInterval", functionName);
        options.MinimumInterval = ParseInterval(retry, "minimumInterval", functionName);
        options.MaximumInterval = ParseInterval(retry, "maximumInterval", functionName);
        return options;
    }

    private static Duration? ParseInterval(JsonElement retry, string property, string functionName)
    {
        if (JsonFileOptions.GetString(retry, property) is not { Length: > 0 } text)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval)
            ? Duration.FromTimeSpan(interval)
            : throw new InvalidDataException($"Function '{functionName}' has a retry {property} '{text}' that is not a time span (hh:mm:ss).");
    }

    private static string StableFunctionId(FunctionMetadataDefinition definition)
    {
        var identity = string.Join('\n', definition.Name, definition.ScriptFile, definition.EntryPoint);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
    }

    private static JsonElement SynthesizeRaw(string name, BindingInfo info)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["name"] = name,
            ["type"] = info.Type,
            ["direction"] = info.Direction.ToString(),
        });
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
