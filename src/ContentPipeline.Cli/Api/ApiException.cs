namespace ContentPipeline.Cli.Api;

/// <summary>The API could not be used at all (unreachable, key refused, an unexpected answer); the message says what to check.</summary>
internal sealed class ApiException(string message, Exception? innerException = null) : Exception(message, innerException);
