using ContentPipeline.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<UnhandledExceptionMiddleware>();
builder.Services.AddContentPipeline(builder.Configuration);
builder.Build().Run();
