using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Context.Features;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>
/// A <see cref="FunctionContext"/> for middleware tests. An HTTP invocation carries its <c>HttpContext</c> in
/// <see cref="Items"/> under the key the ASP.NET Core integration uses, which is what <c>GetHttpContext()</c> reads.
/// </summary>
public sealed class FakeFunctionContext : FunctionContext
{
    /// <summary>The <see cref="Items"/> key of the HttpContext in Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.</summary>
    public const string HttpContextKey = "HttpRequestContext";

    public FakeFunctionContext(string functionName, IServiceProvider services, Microsoft.AspNetCore.Http.HttpContext? http = null)
    {
        FunctionDefinition = new FakeFunctionDefinition(functionName);
        InstanceServices = services;
        if (http is not null)
        {
            Items[HttpContextKey] = http;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class FakeFunctionDefinition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => typeof(FakeFunctionDefinition).Assembly.Location;

        public override string EntryPoint => name + ".Run";

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
