using LocalFunctionsHost.Hosting;

var (options, error) = LocalHostOptions.Parse(args, Environment.GetEnvironmentVariable);
if (options is null || options.ShowHelp)
{
    Console.Error.WriteLine(error ?? LocalHostOptions.Usage);
    return error is null ? 0 : 2;
}

using var loggerFactory = ConsoleLogging.Create(options.LogLevel);
using var stop = new CancellationTokenSource();
using var shutdown = ShutdownSignals.CancelOnShutdown(stop);
try
{
    await using var host = await LocalHost.StartAsync(options, Environment.CurrentDirectory, loggerFactory, stop.Token);
    Console.WriteLine(StartupBanner.Describe(host));
    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    Console.WriteLine("Stopping…");
    return 0;
}
catch (LocalHostException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 130;
}
