using LocalFunctionsHost.App;
using LocalFunctionsHost.Rpc;
using LocalFunctionsHost.Worker;

namespace LocalFunctionsHost.Tests.Worker;

public sealed class FunctionMetadataTests
{
    // As the worker SDK writes it: camelCase keys except IsCodeless, bindings' own settings inline.
    private const string SampleMetadata = """
        [
          {
            "name": "Echo",
            "scriptFile": "Sample.App.dll",
            "entryPoint": "Sample.App.Echo.Run",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": [ "get", "post" ], "route": "echo/{id:int}", "properties": {} },
              { "name": "$return", "type": "http", "direction": "Out" }
            ]
          },
          {
            "name": "Copy",
            "scriptFile": "Sample.App.dll",
            "entryPoint": "Sample.App.Copy.Run",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "retry": { "strategy": "fixedDelay", "maxRetryCount": 3, "delayInterval": "00:00:05" },
            "bindings": [
              { "name": "blob", "direction": "In", "type": "blobTrigger", "path": "incoming/{name}", "source": "EventGrid", "connection": "AzureWebJobsStorage", "properties": { "supportsDeferredBinding": "True" } }
            ]
          },
          {
            "name": "Work",
            "scriptFile": "Sample.App.dll",
            "entryPoint": "Sample.App.Work.Run",
            "bindings": [
              { "name": "message", "direction": "In", "type": "queueTrigger", "dataType": "String", "queueName": "work-items", "connection": "AzureWebJobsStorage" }
            ]
          }
        ]
        """;

    [Fact]
    public void Functions_metadata_is_read_with_every_binding_as_written()
    {
        var functions = FunctionsMetadataFile.Parse(SampleMetadata, "functions.metadata");

        Assert.Equal(["Echo", "Copy", "Work"], functions.Select(function => function.Name));
        var echo = functions[0];
        Assert.Equal("Sample.App.dll", echo.ScriptFile);
        Assert.Equal("Sample.App.Echo.Run", echo.EntryPoint);
        Assert.Equal("False", echo.Properties["IsCodeless"]);
        Assert.Equal(2, echo.Bindings.Count);
        Assert.Equal("echo/{id:int}", echo.Bindings[0].GetProperty("route").GetString());
        Assert.NotNull(functions[1].Retry);
        Assert.Equal("dotnet-isolated", functions[2].Language);
    }

    [Fact]
    public void A_function_without_bindings_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => FunctionsMetadataFile.Parse(
            """[ { "name": "Lonely", "scriptFile": "a.dll", "entryPoint": "A.B.C", "bindings": [] } ]""", "functions.metadata"));

        Assert.Contains("'Lonely'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_without_an_entry_point_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => FunctionsMetadataFile.Parse(
            """[ { "name": "Nowhere", "scriptFile": "a.dll", "bindings": [ { "name": "t", "type": "timerTrigger", "direction": "In" } ] } ]""",
            "functions.metadata"));

        Assert.Contains("'Nowhere'", error.Message, StringComparison.Ordinal);
        Assert.Contains("entryPoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_for_the_worker_has_raw_bindings_and_a_bindings_map_with_directions_and_data_types()
    {
        var functions = FunctionsMetadataFile.Parse(SampleMetadata, "functions.metadata");

        var echo = FunctionMetadataConversion.ToRpcMetadata(functions[0], "/app");
        var work = FunctionMetadataConversion.ToRpcMetadata(functions[2], "/app");
        var copy = FunctionMetadataConversion.ToRpcMetadata(functions[1], "/app");

        Assert.Equal("/app", echo.Directory);
        Assert.Equal(2, echo.RawBindings.Count);
        Assert.Equal(BindingInfo.Types.Direction.In, echo.Bindings["request"].Direction);
        Assert.Equal("httpTrigger", echo.Bindings["request"].Type);
        Assert.Equal(BindingInfo.Types.Direction.Out, echo.Bindings["$return"].Direction);
        Assert.Equal(BindingInfo.Types.DataType.String, work.Bindings["message"].DataType);
        Assert.Equal("True", copy.Bindings["blob"].Properties["supportsDeferredBinding"]);
        Assert.Equal(RpcRetryOptions.Types.RetryStrategy.FixedDelay, copy.RetryOptions.RetryStrategy);
        Assert.Equal(3, copy.RetryOptions.MaxRetryCount);
        Assert.Equal(TimeSpan.FromSeconds(5), copy.RetryOptions.DelayInterval.ToTimeSpan());
    }

    [Fact]
    public void Function_ids_made_from_the_file_are_stable_and_distinct()
    {
        var first = FunctionsMetadataFile.Parse(SampleMetadata, "functions.metadata");
        var second = FunctionsMetadataFile.Parse(SampleMetadata, "functions.metadata");

        var ids = first.Select(function => FunctionMetadataConversion.ToRpcMetadata(function, "/app").FunctionId).ToList();
        var again = second.Select(function => FunctionMetadataConversion.ToRpcMetadata(function, "/app").FunctionId).ToList();

        Assert.Equal(ids, again);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_loaded_function_exposes_its_trigger_and_each_binding_settings()
    {
        var metadata = FunctionMetadataConversion.ToRpcMetadata(FunctionsMetadataFile.Parse(SampleMetadata, "functions.metadata")[0], "/app");

        var echo = FunctionMetadataConversion.ToLoadedFunction(metadata);

        Assert.Equal("Echo", echo.Name);
        Assert.Equal(metadata.FunctionId, echo.FunctionId);
        Assert.Equal("httpTrigger", echo.TriggerType);
        var trigger = echo.TriggerBinding!;
        Assert.Equal("request", trigger.Name);
        Assert.Equal("echo/{id:int}", trigger.GetString("route"));
        Assert.Equal("Anonymous", trigger.GetString("AUTHLEVEL"));
        Assert.Equal(["get", "post"], trigger.GetStrings("methods"));
        Assert.True(echo.FindBinding("$return")!.IsType("HTTP"));
        Assert.False(echo.FindBinding("$return")!.IsTrigger);
    }

    [Fact]
    public void Bindings_missing_from_the_raw_list_are_taken_from_the_map()
    {
        var metadata = new RpcFunctionMetadata { Name = "Bare", FunctionId = "1" };
        metadata.Bindings["tick"] = new BindingInfo { Type = "timerTrigger", Direction = BindingInfo.Types.Direction.In };

        var function = FunctionMetadataConversion.ToLoadedFunction(metadata);

        Assert.Equal("timerTrigger", function.TriggerType);
        Assert.Equal("tick", function.TriggerBinding!.GetString("name"));
    }

    [Fact]
    public void A_binding_with_an_unknown_direction_is_refused()
    {
        var functions = FunctionsMetadataFile.Parse(
            """[ { "name": "Odd", "scriptFile": "a.dll", "entryPoint": "A.B.C", "bindings": [ { "name": "x", "type": "queueTrigger", "direction": "Sideways" } ] } ]""",
            "functions.metadata");

        var error = Assert.Throws<InvalidDataException>(() => FunctionMetadataConversion.ToRpcMetadata(functions[0], "/app"));

        Assert.Contains("Sideways", error.Message, StringComparison.Ordinal);
    }
}
